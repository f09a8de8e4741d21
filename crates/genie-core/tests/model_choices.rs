//! Up to three choices are tried at once; stopped ones do not count and can be chosen again.

use genie_core::model::{
    active_count, can_choose, is_chosen, tried_before, Choice, ChoiceStatus, ChooseRefusal,
    MAX_ACTIVE_CHOICES,
};

fn choice(id: u32, resource: &str, status: ChoiceStatus) -> Choice {
    let mut choice: Choice = serde_json::from_str(&format!(
        r#"{{"id":{id},"resource_id":"{resource}","resource_name":"Walk","chosen_at":0,"status":"planned"}}"#
    ))
    .expect("a choice");
    choice.status = status;
    choice
}

#[test]
fn stopped_choices_do_not_count() {
    let choices = [
        choice(1, "a", ChoiceStatus::Planned),
        choice(2, "b", ChoiceStatus::Going),
        choice(3, "c", ChoiceStatus::Stopped),
        choice(4, "d", ChoiceStatus::Planned),
    ];
    assert_eq!(active_count(&choices), 3);
    assert!(active_count(&choices) <= MAX_ACTIVE_CHOICES);
    assert_eq!(active_count(&[]), 0);
}

#[test]
fn a_stopped_entry_can_be_chosen_again_when_there_is_room() {
    let choices = [
        choice(1, "a", ChoiceStatus::Planned),
        choice(2, "c", ChoiceStatus::Stopped),
    ];
    assert!(!is_chosen(&choices, "c"));
    assert!(tried_before(&choices, "c"));
    assert_eq!(can_choose(&choices, "c"), Ok(2));
    // Chosen again: it is chosen, no longer only "tried before".
    let again = [
        choices[0].clone(),
        choices[1].clone(),
        choice(3, "c", ChoiceStatus::Planned),
    ];
    assert!(is_chosen(&again, "c"));
    assert!(!tried_before(&again, "c"));
    assert_eq!(can_choose(&again, "c"), Err(ChooseRefusal::AlreadyChosen));
}

#[test]
fn a_fourth_is_refused_but_an_active_one_is_named_as_chosen_first() {
    let choices = [
        choice(1, "a", ChoiceStatus::Planned),
        choice(2, "b", ChoiceStatus::Going),
        choice(3, "c", ChoiceStatus::Planned),
        choice(4, "d", ChoiceStatus::Stopped),
    ];
    assert_eq!(can_choose(&choices, "d"), Err(ChooseRefusal::Full));
    assert_eq!(can_choose(&choices, "e"), Err(ChooseRefusal::Full));
    assert_eq!(can_choose(&choices, "a"), Err(ChooseRefusal::AlreadyChosen));
    assert!(!tried_before(&choices, "a"));
}
