//! Times matching and directory validation on made-up directories of 1,000 and 10,000
//! resources. Run in release: `cargo run --release -p genie-core --example matching_bench`.
//!
//! Prints one `metric <name> <value> <unit>` line per number, each the median of several runs:
//! - `match_ms_<n>`: [`suggest`] over `n` resources with typical limits set;
//! - `validate_ms_10000`: [`validate`] reading a 10,000-resource file.
//!
//! The directories are generated from a fixed seed, so every run measures the same work.

use std::time::Instant;

use genie_core::directory::{
    validate, Contact, Cost, Date, Directory, Location, Reach, Resource, Session, Status,
};
use genie_core::model::{
    AccessNeed, Circle, CostLimit, DayPart, Interest, MemberKind, Network, Preferences,
    SubCategory, SupportTask, TimeSlot, TravelMode, Weekday,
};

const SEED: u64 = 11;
const HOME: (f64, f64) = (53.48, -2.24);
const TODAY: Date = Date {
    year: 2025,
    month: 6,
    day: 1,
};

/// A small deterministic generator (SplitMix64), so the bench needs no random crate.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }
}

fn directory(n: usize, seed: u64) -> Directory {
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

fn preferences() -> Preferences {
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

fn network() -> Network {
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

fn median_ms(runs: usize, mut f: impl FnMut()) -> f64 {
    let mut times: Vec<f64> = (0..runs)
        .map(|_| {
            let start = Instant::now();
            f();
            start.elapsed().as_secs_f64() * 1000.0
        })
        .collect();
    times.sort_by(f64::total_cmp);
    times[times.len() / 2]
}

fn main() {
    let prefs = preferences();
    let net = network();
    for n in [1_000, 10_000] {
        let dir = directory(n, SEED);
        let runs = if n >= 10_000 { 11 } else { 31 };
        let ms = median_ms(runs, || {
            std::hint::black_box(genie_core::matching::suggest(
                &dir,
                &prefs,
                Some(HOME),
                &net,
                TODAY,
            ));
        });
        println!("metric match_ms_{n} {ms:.3} ms");
    }
    let text = match serde_json::to_string(&directory(10_000, SEED)) {
        Ok(text) => text,
        Err(e) => {
            eprintln!("could not write the bench directory: {e}");
            return;
        }
    };
    let ms = median_ms(7, || {
        std::hint::black_box(validate(&text));
    });
    println!("metric validate_ms_10000 {ms:.3} ms");
}
