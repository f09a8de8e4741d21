//! Made-up directories, preferences and a network for the matching benchmarks (native and in
//! the browser), generated from a fixed seed so every run measures the same work.

use std::collections::BTreeSet;

use crate::directory::{
    Contact, Cost, Date, Directory, Location, Precision, Reach, Resource, Session, Status,
};
use crate::model::{
    AccessNeed, Circle, Condition, CostLimit, DayPart, Interest, MemberKind, Network, Preferences,
    SubCategory, SupportTask, TimeSlot, TravelMode, Weekday,
};

/// The seed the benchmarks use, so every run measures the same work.
pub const SEED: u64 = 11;
/// Where the made-up person lives.
pub const HOME: (f64, f64) = (53.48, -2.24);
/// The day matching is run on.
pub const TODAY: Date = Date {
    year: 2025,
    month: 6,
    day: 1,
};

/// A small deterministic generator (SplitMix64), so the benchmarks need no random crate.
pub struct Rng(pub u64);

impl Rng {
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n as u64) as usize
    }
    pub fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }
}

/// A made-up directory of `n` resources spread around [`HOME`], the same for the same seed.
pub fn directory(n: usize, seed: u64) -> Directory {
    let mut rng = Rng(seed);
    let resources = (0..n)
        .map(|i| {
            let mut subcategories = std::collections::BTreeSet::new();
            for _ in 0..=rng.below(2) {
                subcategories.insert(SubCategory::ALL[rng.below(SubCategory::ALL.len())]);
            }
            let reach = match rng.below(20) {
                0 => Reach::Online,
                1 => Reach::National,
                _ => Reach::Local {
                    location: Location {
                        // Within about 15 km of home.
                        lat: HOME.0 + (rng.unit() - 0.5) * 0.27,
                        lon: HOME.1 + (rng.unit() - 0.5) * 0.45,
                        address: format!("{} High Street", i % 300),
                        postcode: format!("MB{} {}AB", i % 9, i % 7),
                        precision: Precision::Exact,
                    },
                },
            };
            let sessions = (0..rng.below(3))
                .map(|_| Session {
                    day: Weekday::ALL[rng.below(7)],
                    part: DayPart::ALL[rng.below(3)],
                    starts: Some("10:00".into()),
                    ends: None,
                })
                .collect();
            let cost = match rng.below(4) {
                0 | 1 => Cost::Free,
                2 => Cost::Paid {
                    minor_units: (rng.below(10) * 100) as u32,
                },
                _ => Cost::Unknown,
            };
            let access = AccessNeed::ALL
                .iter()
                .copied()
                .filter(|_| rng.below(2) == 0)
                .collect();
            let languages = match rng.below(6) {
                0 => vec!["en".into(), "pl".into()],
                1 => vec!["ur".into()],
                _ => Vec::new(),
            };
            let checked = (rng.below(5) > 0).then(|| Date {
                year: 2022 + rng.below(4) as u16,
                month: 1 + rng.below(12) as u8,
                day: 1 + rng.below(28) as u8,
            });
            Resource {
                id: format!("r{i:05}"),
                name: format!("Group {}", rng.below(n)),
                description: "A friendly group that meets weekly.".into(),
                subcategories,
                reach,
                sessions,
                cost,
                access,
                languages,
                contact: Contact {
                    phone: "0161 000 0000".into(),
                    email: String::new(),
                    website: "https://example.org".into(),
                },
                checked,
                status: if rng.below(25) == 0 {
                    Status::Inactive
                } else {
                    Status::Active
                },
            }
        })
        .collect();
    Directory {
        version: 1,
        area: "Benchtown".into(),
        resources,
    }
}

/// Typical answers: a few interests, walking or bus, a small budget, two times, step-free.
pub fn preferences() -> Preferences {
    Preferences {
        interests: [Interest::Social, Interest::GetFitter, Interest::SeeOthers].into(),
        travel: [TravelMode::Walk, TravelMode::Bus].into(),
        max_distance_km: None,
        cost: CostLimit::UpTo { minor_units: 500 },
        times: [
            TimeSlot {
                day: Weekday::Tuesday,
                part: DayPart::Morning,
            },
            TimeSlot {
                day: Weekday::Thursday,
                part: DayPart::Afternoon,
            },
        ]
        .into(),
        access: [AccessNeed::StepFree].into(),
        languages: Vec::new(),
    }
}

/// Two named conditions, so the name-and-description check runs on every entry.
pub fn conditions() -> BTreeSet<Condition> {
    [Condition::Copd, Condition::Loneliness].into()
}

/// A small network with someone who gives lifts.
pub fn network() -> Network {
    let mut net = Network::default();
    let a = net.add("Pat", MemberKind::Person, Circle::Inner);
    let b = net.add("Sam", MemberKind::Person, Circle::Middle);
    if let Some(m) = net.get_mut(a) {
        m.gives.extend([SupportTask::Lifts, SupportTask::Comfort]);
    }
    if let Some(m) = net.get_mut(b) {
        m.gives.insert(SupportTask::Shopping);
    }
    net
}
