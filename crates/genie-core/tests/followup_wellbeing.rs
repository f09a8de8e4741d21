//! ONS4 item by item, UCLA-3 only when complete, and trends that know anxiety and
//! loneliness are better when lower.

use genie_core::followup::{
    loneliness, ons4, set_loneliness, set_ons4, trends, Direction, LonelinessItem, Measure,
    Ons4Item, OutOfRange, Reading,
};
use genie_core::model::{Answer, Loneliness, Timestamp, Wave, WaveId, Wellbeing};

fn wellbeing(ls: u8, worth: u8, happy: u8, anxious: u8) -> Wellbeing {
    Wellbeing {
        life_satisfaction: Answer::Given(ls),
        worthwhile: Answer::Given(worth),
        happiness: Answer::Given(happy),
        anxiety: Answer::Given(anxious),
    }
}

fn wave(id: u32, wellbeing: Option<Wellbeing>, lonely: Option<Loneliness>) -> Wave {
    let mut w = Wave::first(Timestamp(i64::from(id) * 1_000));
    w.id = WaveId(id);
    w.wellbeing = wellbeing;
    w.loneliness = lonely;
    w
}

#[test]
fn ons4_is_reported_item_by_item_and_out_of_range_is_unanswered() {
    let w = Wellbeing {
        life_satisfaction: Answer::Given(7),
        worthwhile: Answer::Given(11),
        happiness: Answer::Declined,
        anxiety: Answer::Given(0),
    };
    let score = ons4(&w);
    assert_eq!(score.get(Ons4Item::LifeSatisfaction), Some(7));
    assert_eq!(score.get(Ons4Item::Worthwhile), None);
    assert_eq!(score.get(Ons4Item::Anxiety), Some(0));
    assert_eq!(
        score.missing(),
        vec![Ons4Item::Worthwhile, Ons4Item::Happiness]
    );
}

#[test]
fn setting_a_bad_rating_is_refused_and_keeps_the_old_one() {
    let mut w = wellbeing(5, 5, 5, 5);
    assert_eq!(
        set_ons4(&mut w, Ons4Item::Happiness, Answer::Given(12)),
        Err(OutOfRange {
            value: 12,
            min: 0,
            max: 10
        })
    );
    assert_eq!(w.happiness, Answer::Given(5));
    assert_eq!(
        set_ons4(&mut w, Ons4Item::Happiness, Answer::Given(10)),
        Ok(())
    );
    assert_eq!(
        set_ons4(&mut w, Ons4Item::Anxiety, Answer::Declined),
        Ok(())
    );
    assert_eq!(
        set_ons4(&mut w, Ons4Item::Worthwhile, Answer::NotAsked),
        Ok(())
    );
    assert_eq!(
        (w.happiness, w.anxiety, w.worthwhile),
        (Answer::Given(10), Answer::Declined, Answer::NotAsked)
    );

    let mut l = Loneliness::default();
    assert_eq!(l.left_out, Answer::NotAsked, "nothing chosen to begin with");
    assert!(set_loneliness(&mut l, LonelinessItem::LeftOut, Answer::Given(0)).is_err());
    assert!(set_loneliness(&mut l, LonelinessItem::LeftOut, Answer::Given(4)).is_err());
    assert_eq!(l.left_out, Answer::NotAsked);
    assert_eq!(
        set_loneliness(&mut l, LonelinessItem::LeftOut, Answer::Given(3)),
        Ok(())
    );
    assert_eq!(l.left_out, Answer::Given(3));
    assert_eq!(
        set_loneliness(&mut l, LonelinessItem::LeftOut, Answer::Declined),
        Ok(())
    );
    assert_eq!(LonelinessItem::LeftOut.answer(&l), Answer::Declined);
    assert_eq!(LonelinessItem::LeftOut.value(&l), None);
}

#[test]
fn loneliness_sums_only_when_all_three_are_answered() {
    let full = Loneliness {
        lack_companionship: Answer::Given(1),
        left_out: Answer::Given(3),
        isolated: Answer::Given(2),
    };
    let score = loneliness(&full);
    assert_eq!(score.total, Some(6));
    assert!(score.missing.is_empty());

    let skipped = Loneliness {
        lack_companionship: Answer::Given(3),
        left_out: Answer::Declined,
        isolated: Answer::Given(7),
    };
    let score = loneliness(&skipped);
    assert_eq!(score.total, None);
    assert_eq!(
        score.missing,
        vec![LonelinessItem::LeftOut, LonelinessItem::Isolated]
    );

    assert_eq!(
        loneliness(&Loneliness::default()).missing,
        LonelinessItem::ALL.to_vec()
    );
}

#[test]
fn trends_read_first_and_latest_answer_with_direction_and_meaning() {
    let lonely = |a, b, c| Loneliness {
        lack_companionship: Answer::Given(a),
        left_out: Answer::Given(b),
        isolated: Answer::Given(c),
    };
    // Given out of order: trends follow wave ids.
    let waves = vec![
        wave(3, Some(wellbeing(6, 7, 5, 3)), Some(lonely(1, 2, 1))),
        wave(
            1,
            Some(wellbeing(4, 7, 6, 8)),
            Some(lonely(3, 3, 2)), // total 8
        ),
        // Wave 2 skipped the ratings and is stepped over.
        wave(2, None, None),
    ];
    let t = trends(&waves);
    let find = |m| t.iter().find(|x| x.measure == m).copied();

    let ls = find(Measure::Ons4(Ons4Item::LifeSatisfaction)).expect("life satisfaction");
    assert_eq!((ls.first, ls.latest), (4, 6));
    assert_eq!((ls.first_wave, ls.latest_wave), (WaveId(1), WaveId(3)));
    assert_eq!((ls.direction, ls.reading), (Direction::Up, Reading::Better));

    let worth = find(Measure::Ons4(Ons4Item::Worthwhile)).expect("worthwhile");
    assert_eq!(
        (worth.direction, worth.reading),
        (Direction::Same, Reading::Same)
    );

    let happy = find(Measure::Ons4(Ons4Item::Happiness)).expect("happiness");
    assert_eq!(
        (happy.direction, happy.reading),
        (Direction::Down, Reading::Worse)
    );

    // Anxiety 8 -> 3: down, and that is better.
    let anx = find(Measure::Ons4(Ons4Item::Anxiety)).expect("anxiety");
    assert_eq!((anx.first, anx.latest), (8, 3));
    assert_eq!(
        (anx.direction, anx.reading),
        (Direction::Down, Reading::Better)
    );

    // Loneliness 8 -> 4: better.
    let lon = find(Measure::Loneliness).expect("loneliness");
    assert_eq!((lon.first, lon.latest), (8, 4));
    assert_eq!(lon.reading, Reading::Better);
    assert_eq!(t.len(), 5);
}

#[test]
fn no_trend_from_a_single_answer_or_an_incomplete_loneliness_scale() {
    let partial = Loneliness {
        lack_companionship: Answer::Given(2),
        left_out: Answer::NotAsked,
        isolated: Answer::Given(2),
    };
    let waves = vec![
        wave(
            1,
            Some(Wellbeing {
                happiness: Answer::Given(5),
                ..Wellbeing::default()
            }),
            Some(partial),
        ),
        wave(
            2,
            Some(Wellbeing {
                anxiety: Answer::Given(4),
                happiness: Answer::Given(99),
                ..Wellbeing::default()
            }),
            Some(partial),
        ),
    ];
    assert!(trends(&waves).is_empty());
    assert!(trends(&[]).is_empty());
}

#[test]
fn the_three_states_are_kept_apart_and_out_of_range_reads_as_not_asked() {
    let l = Loneliness {
        lack_companionship: Answer::Given(9),
        left_out: Answer::Declined,
        isolated: Answer::NotAsked,
    };
    let states: Vec<&str> = LonelinessItem::ALL
        .iter()
        .map(|i| i.answer(&l).state())
        .collect();
    assert_eq!(states, ["not_asked", "declined", "not_asked"]);
    let w = Wellbeing {
        anxiety: Answer::Given(3),
        happiness: Answer::Declined,
        ..Wellbeing::default()
    };
    let states: Vec<&str> = Ons4Item::ALL.iter().map(|i| i.answer(&w).state()).collect();
    assert_eq!(states, ["not_asked", "not_asked", "declined", "answered"]);
}
