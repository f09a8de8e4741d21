//! Gaps in support a resource could help fill.
//!
//! A gap is an area of support ([`SupportArea`]) that rests on one member, or that no one
//! helps with while some other area has helpers (an empty map says nothing about gaps yet).
//! Which areas a sub-category can help with is a small, deliberate table, so a suggestion only
//! says "could help with emotional support" where that is plainly true.

use crate::model::{Network, SubCategory, SupportArea};
use crate::summary::summarise;

/// The areas of support a sub-category can help with. Sub-categories not listed help with
/// none (learning, volunteering, money advice and the creative groups are valued for their
/// own sake, not as a stand-in for support).
pub fn helps_with(sub: SubCategory) -> &'static [SupportArea] {
    use SubCategory as S;
    match sub {
        // Understanding symptoms, measurements, appointments.
        S::HealthConditions => &[SupportArea::Illness],
        // Diet and exercise.
        S::WeightManagement | S::FitnessExercise | S::Swimming | S::WalkingOutdoors => {
            &[SupportArea::Everyday]
        }
        // Housework, personal care; lifts.
        S::HomeSupport | S::CommunityTransport => &[SupportArea::Everyday],
        // Comfort, companionship, well-being.
        S::SocialClubs | S::Befriending | S::Counselling => &[SupportArea::Emotional],
        // Carers' groups give both company and practical help.
        S::CarersSupport => &[SupportArea::Emotional, SupportArea::Everyday],
        S::ReadingWriting
        | S::ArtsCrafts
        | S::DramaMusic
        | S::EducationLearning
        | S::MoneyAdvice
        | S::Volunteering => &[],
    }
}

/// The gaps in a network's support, in `SupportArea::ALL` order.
pub fn gaps(network: &Network) -> Vec<SupportArea> {
    let summary = summarise(network);
    let any_support = SupportArea::ALL
        .iter()
        .any(|&area| !summary.helpers(area).is_empty());
    SupportArea::ALL
        .iter()
        .copied()
        .filter(|&area| {
            summary.rests_on_one().iter().any(|(a, _)| *a == area)
                || (any_support && summary.helpers(area).is_empty())
        })
        .collect()
}
