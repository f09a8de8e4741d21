//! Barriers named in check-ins come back as offers to change the practical limits.

use genie_core::followup::{apply_offer, limit_offers, LimitOffer, NEAR_KM};
use genie_core::model::{Barrier, CheckIn, Choice, CostLimit, Preferences, Timestamp, Tried};

fn choice_with(barriers: &[Barrier]) -> Choice {
    let mut choice: Choice = serde_json::from_str(
        r#"{"id":1,"resource_id":"r1","resource_name":"Walk","chosen_at":0,"status":"planned"}"#,
    )
    .expect("a choice");
    choice.check_ins.push(CheckIn {
        at: Timestamp(1),
        tried: Tried::NotYet,
        how_it_went: None,
        go_again: None,
        barriers: barriers.iter().copied().collect(),
        note: String::new(),
    });
    choice
}

#[test]
fn no_check_ins_means_no_offers() {
    assert!(limit_offers(&Preferences::default(), &[]).is_empty());
    assert!(limit_offers(&Preferences::default(), &[choice_with(&[])]).is_empty());
}

#[test]
fn each_named_barrier_becomes_its_offer_until_the_limit_is_already_set() {
    let choices = [choice_with(&[
        Barrier::Cost,
        Barrier::Transport,
        Barrier::Timing,
    ])];
    let mut prefs = Preferences::default();
    let offers = limit_offers(&prefs, &choices);
    assert_eq!(
        offers,
        vec![
            LimitOffer::FreeOnly,
            LimitOffer::CloseToHome { km: NEAR_KM },
            LimitOffer::ReviewTimes
        ]
    );
    apply_offer(LimitOffer::FreeOnly, &mut prefs);
    apply_offer(LimitOffer::CloseToHome { km: NEAR_KM }, &mut prefs);
    assert_eq!(prefs.cost, CostLimit::FreeOnly);
    assert_eq!(prefs.max_distance_km, Some(NEAR_KM));
    // Accepted offers are not offered again; the timing one stays as a pointer.
    assert_eq!(
        limit_offers(&prefs, &choices),
        vec![LimitOffer::ReviewTimes]
    );
}

#[test]
fn a_nearer_limit_already_chosen_is_kept() {
    let choices = [choice_with(&[Barrier::Transport])];
    let prefs = Preferences {
        max_distance_km: Some(1.0),
        ..Preferences::default()
    };
    assert!(limit_offers(&prefs, &choices).is_empty());
}

#[test]
fn going_alone_points_to_someone_to_go_with() {
    let choices = [
        choice_with(&[Barrier::Confidence]),
        choice_with(&[Barrier::NobodyToGoWith]),
    ];
    assert_eq!(
        limit_offers(&Preferences::default(), &choices),
        vec![LimitOffer::SomeoneToGoWith]
    );
}
