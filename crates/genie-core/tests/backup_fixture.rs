//! A rich data set shared by the backup and research tests: every kind of record, closed and
//! open waves, plans and check-ins, names in many scripts and one that looks like markup.
//! Included by those tests with `#[path]`; on its own it holds no tests.

#![allow(dead_code)]

use genie_core::backup::Contents;
use genie_core::model::*;
use genie_core::store::{Repository, Store};

pub const DAY: i64 = Timestamp::MS_PER_DAY;
pub const START: Timestamp = Timestamp(1_735_776_000_000); // 2025-01-02

/// Every name, note and other piece of free text in [`contents`], to check that none of it
/// leaks into a de-identified export.
pub const FREE_TEXT: &[&str] = &[
    "Zoë Ångström",
    "李小龍",
    "<img src=x onerror=alert(1)>",
    "Siân the neighbour",
    "Grŵp Cerdded",
    "Biscuit",
    "Llyfrgell",
    "Radio Cymru",
    "Knows about my pills",
    "Drives me to the clinic — every Tuesday",
    "Bowls",
    "Knee gave up",
    "Ménière's",
    "Caerdydd – Treganna",
    "Ring Mair about Tuesdays",
    "Tuesday after next",
    "It was lovely, I'll go back",
    "Walking group at Parc Bute",
    "<script>alert('notes')</script>",
];

pub fn profile() -> Profile {
    Profile {
        area: "Caerdydd – Treganna".into(),
        age_band: Some(AgeBand::From70To79),
        gender: Some(Gender::Woman),
        conditions: [Condition::Copd, Condition::Loneliness].into(),
        other_condition: "Ménière's".into(),
        updated_at: START,
    }
}

pub fn preferences() -> Preferences {
    Preferences {
        interests: [Interest::GetFitter, Interest::Social, Interest::HelpOthers].into(),
        travel: [TravelMode::Bus, TravelMode::Lift].into(),
        max_distance_km: Some(3.5),
        cost: CostLimit::UpTo { minor_units: 300 },
        times: [
            TimeSlot {
                day: Weekday::Tuesday,
                part: DayPart::Morning,
            },
            TimeSlot {
                day: Weekday::Friday,
                part: DayPart::Afternoon,
            },
        ]
        .into(),
        access: [AccessNeed::StepFree, AccessNeed::Seating].into(),
        languages: vec!["cy".into(), "en".into()],
    }
}

/// Three waves: two closed, the third open. Members come and go and change circle.
pub fn waves() -> Vec<Wave> {
    let mut first = Wave::first(START);
    let net = &mut first.network;
    let zoe = net.add("Zoë Ångström", MemberKind::Person, Circle::Inner);
    let li = net.add("李小龍", MemberKind::Person, Circle::Middle);
    let markup = net.add(
        "<img src=x onerror=alert(1)>",
        MemberKind::Person,
        Circle::Outer,
    );
    let sian = net.add("Siân the neighbour", MemberKind::Person, Circle::Middle);
    let walk = net.add("Grŵp Cerdded", MemberKind::Group, Circle::Middle);
    let dog = net.add("Biscuit", MemberKind::Pet, Circle::Inner);
    net.add("Llyfrgell", MemberKind::Place, Circle::Outer);
    {
        let m = net.get_mut(zoe).expect("added");
        m.relationship = Some(Relationship::Partner);
        m.contact = Some(ContactFrequency::Daily);
        m.gives = [
            SupportTask::Medication,
            SupportTask::Comfort,
            SupportTask::Lifts,
        ]
        .into();
        m.receives = [SupportArea::Emotional].into();
        m.notes = "Drives me to the clinic — every Tuesday".into();
        m.placed = Some(Point { x: 0.1, y: -33.3 });
    }
    {
        let m = net.get_mut(li).expect("added");
        m.relationship = Some(Relationship::Friend);
        m.contact = Some(ContactFrequency::Weekly);
        m.gives = [SupportTask::Companionship].into();
        m.notes = "Knows about my pills".into();
    }
    {
        let m = net.get_mut(markup).expect("added");
        m.relationship = Some(Relationship::Friend);
        m.contact = Some(ContactFrequency::Monthly);
        m.notes = "<script>alert('notes')</script>".into();
    }
    net.get_mut(sian).expect("added").relationship = Some(Relationship::Neighbour);
    net.get_mut(dog).expect("added").pinned = Some(Point { x: 12.5, y: -40.0 });
    net.tie(zoe, li);
    net.tie(li, markup);
    net.tie(zoe, walk);
    net.dormant.push(DormantActivity {
        label: "Bowls".into(),
        why_stopped: "Knee gave up".into(),
    });
    first.wellbeing = Some(Wellbeing {
        life_satisfaction: Answer::Given(4),
        worthwhile: Answer::Given(6),
        happiness: Answer::Given(3),
        anxiety: Answer::Given(7),
    });
    first.loneliness = Some(Loneliness {
        lack_companionship: Answer::Given(3),
        left_out: Answer::Given(2),
        isolated: Answer::Given(3),
    });

    let mut second = first.close_and_continue(START.plus_days(182));
    {
        let net = &mut second.network;
        net.remove(sian);
        net.get_mut(walk).expect("kept").circle = Circle::Inner;
        let radio = net.add("Radio Cymru", MemberKind::Online, Circle::Outer);
        net.tie(walk, radio);
    }
    second.wellbeing = Some(Wellbeing {
        life_satisfaction: Answer::Given(6),
        worthwhile: Answer::NotAsked,
        happiness: Answer::Given(5),
        anxiety: Answer::Given(5),
    });

    let mut third = second.close_and_continue(START.plus_days(365));
    third.network.get_mut(li).expect("kept").circle = Circle::Inner;
    let mut waves = vec![first, second, third];
    // As the app stores maps: everyone drawn inside their circle.
    for wave in &mut waves {
        genie_core::layout::place_missing(&mut wave.network);
    }
    waves
}

pub fn choices() -> Vec<Choice> {
    let mut walking = minimal_choice(1, "walk-bute", "Walking group at Parc Bute");
    walking.status = ChoiceStatus::Going;
    walking.plan.first_step = "Ring Mair about Tuesdays".into();
    walking.plan.when = Some(START.plus_days(10));
    walking.plan.when_text = "Tuesday after next".into();
    walking.plan.with_member = Some(MemberId(0));
    walking.plan.expected_barriers = [Barrier::Transport, Barrier::Confidence].into();
    walking.check_ins.push(CheckIn {
        at: START.plus_days(14),
        tried: Tried::Yes,
        how_it_went: Some(4),
        go_again: Some(true),
        barriers: [Barrier::Transport].into(),
        note: "It was lovely, I'll go back".into(),
    });
    walking.check_ins.push(CheckIn {
        at: START.plus_days(28),
        tried: Tried::NotYet,
        how_it_went: None,
        go_again: None,
        barriers: [].into(),
        note: String::new(),
    });
    let mut choir = minimal_choice(2, "côr-cymunedol", "Côr Cymunedol «Llais»");
    choir.status = ChoiceStatus::Stopped;
    vec![walking, choir]
}

/// A choice with only the fields every version has, so the fixture does not depend on
/// optional fields added later.
pub fn minimal_choice(id: u32, resource_id: &str, resource_name: &str) -> Choice {
    serde_json::from_value(serde_json::json!({
        "id": id,
        "resource_id": resource_id,
        "resource_name": resource_name,
        "chosen_at": START.plus_days(3).0,
        "status": "planned",
    }))
    .expect("a minimal choice reads")
}

pub fn contents() -> Contents {
    Contents {
        profile: Some(profile()),
        preferences: Some(preferences()),
        waves: waves(),
        choices: choices(),
    }
}

/// Every envelope in every store, to compare a repository before and after.
pub async fn snapshot(repo: &impl Repository) -> Vec<(Store, Vec<String>)> {
    let mut out = Vec::new();
    for store in Store::ALL {
        out.push((store, repo.all(store).await.expect("reads")));
    }
    out
}

/// Runs a future to completion on this thread (the repositories are single-threaded).
pub fn block_on<F: std::future::Future>(future: F) -> F::Output {
    futures_executor::block_on(future)
}
