//! Hand-made data shared by the core's tests.

#![allow(dead_code)]

use genie_core::model::*;

/// A small but complete network: every kind, a tie, support both ways, a pin and a dropped
/// activity, so a round-trip touches every field.
pub fn sample_network() -> Network {
    let mut net = Network::default();
    let partner = net.add("Pat", MemberKind::Person, Circle::Inner);
    let dog = net.add("Biscuit", MemberKind::Pet, Circle::Inner);
    let choir = net.add("Tuesday choir", MemberKind::Group, Circle::Middle);
    net.add("Library", MemberKind::Place, Circle::Outer);
    net.add("Gardening", MemberKind::Activity, Circle::Middle);
    net.add("Blood pressure monitor", MemberKind::Thing, Circle::Outer);
    net.add("Patient forum", MemberKind::Online, Circle::Outer);
    let pat = net.get_mut(partner).expect("just added");
    pat.relationship = Some(Relationship::Partner);
    pat.contact = Some(ContactFrequency::Daily);
    pat.gives.extend([
        SupportTask::Medication,
        SupportTask::Comfort,
        SupportTask::Lifts,
    ]);
    pat.receives.insert(SupportArea::Emotional);
    pat.notes = "Drives me to the clinic".into();
    net.get_mut(dog).expect("just added").pinned = Some(Point { x: 12.5, y: -40.0 });
    net.tie(partner, choir);
    net.dormant.push(DormantActivity {
        label: "Bowls".into(),
        why_stopped: "Knee".into(),
    });
    net
}

pub fn sample_profile() -> Profile {
    Profile {
        area: "MB1 2AB".into(),
        age_band: Some(AgeBand::From70To79),
        gender: Some(Gender::Woman),
        conditions: [Condition::Copd, Condition::Arthritis].into(),
        other_condition: "Glaucoma".into(),
        updated_at: Timestamp(1_763_900_000_000),
    }
}

/// Runs a future to completion on this thread (the repositories are single-threaded).
pub fn block_on<F: std::future::Future>(future: F) -> F::Output {
    futures_executor::block_on(future)
}
