//! An entry the person reported closed at a check-in is never suggested to them again.

use genie_core::directory::{Contact, Cost, Date, Directory, Reach, Resource, Status};
use genie_core::matching::{drop_reported_closed, suggest};
use genie_core::model::*;

const TODAY: Date = Date {
    year: 2025,
    month: 6,
    day: 1,
};

fn online(id: &str) -> Resource {
    Resource {
        id: id.into(),
        name: format!("Group {id}"),
        description: String::new(),
        subcategories: [SubCategory::Befriending].into(),
        reach: Reach::Online,
        sessions: Vec::new(),
        cost: Cost::Free,
        access: Default::default(),
        languages: Vec::new(),
        contact: Contact::default(),
        checked: Some(TODAY),
        status: Status::Active,
    }
}

fn choice(resource_id: &str, closed: bool) -> Choice {
    let mut choice: Choice = serde_json::from_value(serde_json::json!({
        "id": 1, "resource_id": resource_id, "resource_name": "x", "chosen_at": 1, "status": "planned"
    }))
    .expect("a minimal choice");
    if closed {
        choice.entry_note.problems.insert(ReportedProblem::Closed);
    }
    choice
}

fn ids(directory: &Directory, choices: &[Choice]) -> Vec<String> {
    let mut prefs = Preferences::default();
    prefs.interests.insert(Interest::SeeOthers);
    let mut found = suggest(
        directory,
        &prefs,
        None,
        &Network::default(),
        &Default::default(),
        TODAY,
    );
    drop_reported_closed(&mut found, directory, choices);
    found
        .ranked
        .iter()
        .map(|s| directory.resources[s.index].id.clone())
        .collect()
}

#[test]
fn only_entries_reported_closed_are_left_out() {
    let directory = Directory {
        version: 1,
        area: "Testtown".into(),
        resources: vec![online("a"), online("b"), online("c")],
    };
    let all = ids(&directory, &[]);
    assert_eq!(all.len(), 3, "all three suggested to start with: {all:?}");
    let left = ids(&directory, &[choice("b", true), choice("c", false)]);
    assert_eq!(
        left,
        all.into_iter().filter(|id| id != "b").collect::<Vec<_>>()
    );
}
