//! A made-up session to measure hand-overs with: `members` members with plausible names, a
//! relationship, contact, support given, a note for every third, and a drawn position each
//! (positions are what compress least), answers about the person, preferences and three
//! choices with plans. Shared by the native and the browser benchmarks.

use crate::backup::Contents;
use crate::layout::sample;
use crate::matching::sample::{preferences, Rng};
use crate::model::{
    Choice, ChoiceId, ChoiceStatus, ContactFrequency, Plan, Point, Profile, SupportTask, Timestamp,
    Wave,
};

pub fn contents(members: usize, seed: u64) -> Contents {
    let now = Timestamp(1_767_225_600_000);
    let mut rng = Rng(seed.wrapping_mul(2_654_435_761).wrapping_add(1));
    let mut wave = Wave::first(now);
    wave.network = sample::network(members, seed);
    for (i, member) in wave.network.members.iter_mut().enumerate() {
        member.name = format!("{} {}", sample::name(i), i / 24 + 1);
        member.contact = Some(ContactFrequency::ALL[rng.below(ContactFrequency::ALL.len())]);
        for _ in 0..rng.below(3) {
            member
                .gives
                .insert(SupportTask::ALL[rng.below(SupportTask::ALL.len())]);
        }
        if i % 3 == 0 {
            member.notes = format!("Sees them most weeks; call before {} o'clock", 5 + i % 4);
        }
        member.placed = Some(Point {
            x: (rng.unit() * 800.0 - 400.0) as f32,
            y: (rng.unit() * 800.0 - 400.0) as f32,
        });
    }
    let choices = (0..3)
        .map(|n| Choice {
            id: ChoiceId(n + 1),
            resource_id: format!("entry-{n}"),
            resource_name: format!("Walking group number {n}"),
            resource_at: None,
            chosen_at: now,
            status: ChoiceStatus::Planned,
            plan: Plan {
                first_step: "Ring to ask about Tuesdays".into(),
                ..Plan::default()
            },
            check_ins: Vec::new(),
            entry_note: Default::default(),
            check_in_draft: None,
            on_map: None,
        })
        .collect();
    Contents {
        profile: Some(Profile {
            area: "MB1 1AA".into(),
            ..Profile::default()
        }),
        preferences: Some(preferences()),
        waves: vec![wave],
        choices,
    }
}
