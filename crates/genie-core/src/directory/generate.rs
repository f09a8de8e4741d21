//! Made-up directories of any size that look like a real area's: towns of different sizes,
//! services clustered in them, names and descriptions varied and telling of what each is,
//! postcodes by district, a few national and online services. For benchmarks and for tests
//! of tiles; the same seed gives the same directory.
//!
//! The size of the area grows with the number of entries, as real directories do: a county of
//! 5,000 spans about 40 km, a state-wide list of 50,000 about 130 km.

use std::collections::BTreeSet;

use super::{
    Contact, Cost, Date, Directory, Location, Precision, Reach, Resource, Session, Status,
};
use crate::matching::sample::Rng;
use crate::model::{AccessNeed, DayPart, SubCategory, Weekday};

/// Kilometres per degree of latitude.
const KM_PER_DEG: f64 = 111.2;

/// What each kind of service is called and which sub-categories it is filed under.
const ACTIVITIES: &[(&str, &[SubCategory])] = {
    use SubCategory as S;
    &[
        ("Reading Group", &[S::ReadingWriting]),
        (
            "Creative Writing",
            &[S::ReadingWriting, S::EducationLearning],
        ),
        ("Poetry Circle", &[S::ReadingWriting]),
        ("Knit and Natter", &[S::ArtsCrafts, S::SocialClubs]),
        ("Watercolour Class", &[S::ArtsCrafts]),
        ("Pottery Workshop", &[S::ArtsCrafts]),
        ("Community Choir", &[S::DramaMusic, S::SocialClubs]),
        ("Ukulele Club", &[S::DramaMusic]),
        ("Amateur Dramatics", &[S::DramaMusic]),
        ("Lunch Club", &[S::SocialClubs]),
        ("Coffee Morning", &[S::SocialClubs]),
        ("Men's Shed", &[S::SocialClubs, S::ArtsCrafts]),
        ("Breathe Easy", &[S::HealthConditions]),
        ("Diabetes Support", &[S::HealthConditions]),
        (
            "Heart Health Talks",
            &[S::HealthConditions, S::EducationLearning],
        ),
        ("Healthy Weight Group", &[S::WeightManagement]),
        (
            "Cook and Eat Well",
            &[S::WeightManagement, S::EducationLearning],
        ),
        ("Chair Yoga", &[S::FitnessExercise]),
        ("Strength and Balance", &[S::FitnessExercise]),
        ("Tai Chi", &[S::FitnessExercise]),
        ("Aqua Fit", &[S::Swimming, S::FitnessExercise]),
        ("Quiet Swim", &[S::Swimming]),
        ("Health Walk", &[S::WalkingOutdoors]),
        ("Nature Rambles", &[S::WalkingOutdoors]),
        ("Community Garden", &[S::WalkingOutdoors, S::Volunteering]),
        ("Computer Help", &[S::EducationLearning]),
        ("English Conversation", &[S::EducationLearning]),
        ("Carers' Cafe", &[S::CarersSupport]),
        ("Carers' Advice", &[S::CarersSupport, S::MoneyAdvice]),
        ("Listening Service", &[S::Counselling]),
        ("Talking Therapies", &[S::Counselling]),
        ("Befriending", &[S::Befriending]),
        ("Telephone Friends", &[S::Befriending]),
        ("Handyperson Service", &[S::HomeSupport]),
        ("Home from Hospital", &[S::HomeSupport]),
        ("Benefits Advice", &[S::MoneyAdvice]),
        ("Debt Advice", &[S::MoneyAdvice]),
        ("Dial-a-Ride", &[S::CommunityTransport]),
        ("Community Car Scheme", &[S::CommunityTransport]),
        (
            "Volunteer Drivers",
            &[S::Volunteering, S::CommunityTransport],
        ),
        ("Charity Shop Volunteers", &[S::Volunteering]),
    ]
};

const TOWN_FIRST: &[&str] = &[
    "Ash", "Brook", "Car", "Dun", "Elm", "Fen", "Gold", "Hart", "Iron", "King", "Lark", "Marsh",
    "Nor", "Oak", "Pen", "Red", "Stan", "Thorn", "Up", "Wal", "West", "Whit", "Wood", "York",
];
const TOWN_LAST: &[&str] = &[
    "bury", "by", "field", "ford", "ham", "ley", "mouth", "stead", "ton", "well", "wick", "worth",
];
const PLACES: &[&str] = &[
    "Community Centre",
    "Library",
    "Leisure Centre",
    "Methodist Hall",
    "Scout Hut",
    "Village Hall",
    "Health Centre",
    "Park Pavilion",
    "Baptist Church",
    "Mosque Hall",
    "Gurdwara",
    "Youth Club",
    "Sports Club",
    "Arts Centre",
    "Pub Function Room",
    "Fire Station",
];
const STREETS: &[&str] = &[
    "High Street",
    "Church Lane",
    "Station Road",
    "Mill Street",
    "Park Road",
    "Victoria Road",
    "The Green",
    "Queen Street",
    "Market Place",
    "School Lane",
    "Bridge Street",
    "North Road",
];
const OPENERS: &[&str] = &[
    "A friendly {a} for anyone who wants to join in.",
    "Our {a} welcomes newcomers: come along once and see.",
    "Run by local volunteers, the {a} has met for years.",
    "A relaxed {a} where nobody minds if you are new.",
    "The {a} is led by a trained organiser and kept small.",
    "Join the {a}: no experience needed.",
];
const MIDDLES: &[&str] = &[
    "Tea and biscuits are on the house.",
    "You can bring someone with you for the first visit.",
    "There is parking at the door and a bus stop close by.",
    "Sessions are gentle and go at your pace.",
    "We can talk by phone before you come, if that helps.",
    "Many people come on their own and make friends here.",
    "Suitable for people living with COPD, arthritis or a heart condition.",
    "People caring for a family member are especially welcome.",
    "Quiet space available if you need a break.",
    "Materials are provided.",
];
const CLOSERS: &[&str] = &[
    "Ring first so we know to expect you.",
    "Just turn up.",
    "Booking helps but is not required.",
    "Referral from a GP or social prescriber is welcome but not needed.",
    "",
];
const LANGUAGES: &[&str] = &["pl", "ur", "pa", "bn", "ar", "so", "ro", "gu", "cy", "zh"];

/// A town: its name, centre, and how many services it holds (relative).
struct Town {
    name: String,
    lat: f64,
    lon: f64,
    weight: f64,
}

/// Radius of the whole area in km for a directory of `n` entries.
pub fn area_radius_km(n: usize) -> f64 {
    // 154 entries: ~6 km (a town); 5,000: ~35 km (a county); 50,000: ~110 km (a state).
    (n.max(100) as f64).sqrt() * 0.5
}

/// A realistic made-up directory of `n` entries around `centre` (latitude, longitude), the
/// same for the same seed. About 1 in 25 are national and 1 in 25 online; the rest are at a
/// place in one of several towns, denser near each town's centre. Postcodes start with
/// `prefix` and a district number from a 5 km grid, so nearby places share a district.
pub fn realistic(n: usize, seed: u64, centre: (f64, f64), prefix: &str) -> Directory {
    let mut rng = Rng(seed);
    let radius = area_radius_km(n);
    let town_count = (n / 1500).clamp(3, 60);
    let km_per_deg_lon = KM_PER_DEG * centre.0.to_radians().cos();
    let towns: Vec<Town> = (0..town_count)
        .map(|i| {
            let (dlat, dlon) = if i == 0 {
                (0.0, 0.0)
            } else {
                let r = radius * rng.unit().sqrt();
                let a = rng.unit() * std::f64::consts::TAU;
                (r * a.sin(), r * a.cos())
            };
            Town {
                name: format!(
                    "{}{}",
                    TOWN_FIRST[rng.below(TOWN_FIRST.len())],
                    TOWN_LAST[rng.below(TOWN_LAST.len())]
                ),
                lat: centre.0 + dlat / KM_PER_DEG,
                lon: centre.1 + dlon / km_per_deg_lon,
                // A few large towns, many small ones; the centre is a city.
                weight: if i == 0 {
                    4.0
                } else {
                    0.3 + rng.unit().powi(3) * 3.0
                },
            }
        })
        .collect();
    let total_weight: f64 = towns.iter().map(|t| t.weight).sum();

    let resources = (0..n)
        .map(|i| {
            let (activity, subs) = ACTIVITIES[rng.below(ACTIVITIES.len())];
            let subcategories: BTreeSet<SubCategory> = subs.iter().copied().collect();
            let mut pick = rng.unit() * total_weight;
            let town = towns
                .iter()
                .find(|t| {
                    pick -= t.weight;
                    pick <= 0.0
                })
                .unwrap_or(&towns[0]);
            let (reach, place_name) = match rng.below(25) {
                0 => (Reach::National, "National".to_string()),
                1 => (Reach::Online, "Online".to_string()),
                _ => {
                    // Box-Muller: most within a few km of the town's centre.
                    let spread = 1.5 + town.weight;
                    let r = (-2.0 * (1.0 - rng.unit()).ln()).sqrt() * spread;
                    let a = rng.unit() * std::f64::consts::TAU;
                    let lat = town.lat + r * a.sin() / KM_PER_DEG;
                    let lon = town.lon + r * a.cos() / km_per_deg_lon;
                    let north = ((lat - centre.0) * KM_PER_DEG / 5.0).floor() as i64;
                    let east = ((lon - centre.1) * km_per_deg_lon / 5.0).floor() as i64;
                    let district = (north + 40).rem_euclid(80) * 80 + (east + 40).rem_euclid(80);
                    let place = PLACES[rng.below(PLACES.len())];
                    (
                        Reach::Local {
                            location: Location {
                                lat: (lat * 1e5).round() / 1e5,
                                lon: (lon * 1e5).round() / 1e5,
                                address: format!(
                                    "{} {}, {} {}, {}",
                                    town.name,
                                    place,
                                    1 + rng.below(200),
                                    STREETS[rng.below(STREETS.len())],
                                    town.name
                                ),
                                postcode: format!(
                                    "{prefix}{district} {}{}{}",
                                    rng.below(10),
                                    (b'A' + rng.below(26) as u8) as char,
                                    (b'A' + rng.below(26) as u8) as char
                                ),
                                precision: Precision::Exact,
                            },
                        },
                        town.name.clone(),
                    )
                }
            };
            let name = match rng.below(4) {
                0 => format!("{place_name} {activity}"),
                1 => format!("{activity} at {}", PLACES[rng.below(PLACES.len())]),
                2 => format!("{place_name} {activity} ({})", 1 + rng.below(40)),
                _ => format!("{activity}, {place_name}"),
            };
            let lower = activity.to_lowercase();
            let mut description = OPENERS[rng.below(OPENERS.len())].replace("{a}", &lower);
            for _ in 0..1 + rng.below(2) {
                description.push(' ');
                description.push_str(MIDDLES[rng.below(MIDDLES.len())]);
            }
            let closer = CLOSERS[rng.below(CLOSERS.len())];
            if !closer.is_empty() {
                description.push(' ');
                description.push_str(closer);
            }
            let sessions = (0..rng.below(4))
                .map(|_| {
                    let part = DayPart::ALL[rng.below(3)];
                    let hour = match part {
                        DayPart::Morning => 9 + rng.below(3),
                        DayPart::Afternoon => 13 + rng.below(3),
                        DayPart::Evening => 18 + rng.below(2),
                    };
                    Session {
                        day: Weekday::ALL[rng.below(7)],
                        part,
                        starts: Some(format!("{hour:02}:{:02}", [0, 15, 30][rng.below(3)])),
                        ends: Some(format!("{:02}:00", hour + 1 + rng.below(2))),
                    }
                })
                .fold(Vec::new(), |mut all, s| {
                    if !all.contains(&s) {
                        all.push(s);
                    }
                    all
                });
            let cost = match rng.below(8) {
                0..=3 => Cost::Free,
                4..=6 => Cost::Paid {
                    minor_units: 50 * (1 + rng.below(12)) as u32,
                },
                _ => Cost::Unknown,
            };
            let access: BTreeSet<AccessNeed> = AccessNeed::ALL
                .iter()
                .copied()
                .filter(|_| rng.below(3) > 0)
                .collect();
            let languages = match rng.below(8) {
                0 => vec![
                    "en".to_string(),
                    LANGUAGES[rng.below(LANGUAGES.len())].into(),
                ],
                1 | 2 => vec!["en".to_string()],
                _ => Vec::new(),
            };
            let slug: String = name
                .to_lowercase()
                .chars()
                .filter_map(|c| match c {
                    'a'..='z' | '0'..='9' => Some(c),
                    ' ' | '-' => Some('-'),
                    _ => None,
                })
                .collect();
            let contact = Contact {
                phone: format!("01632 {:06}", rng.below(1_000_000)),
                email: if rng.below(2) == 0 {
                    format!("hello@{slug}.example.org")
                } else {
                    String::new()
                },
                website: if rng.below(3) > 0 {
                    format!("https://{slug}.example.org")
                } else {
                    String::new()
                },
            };
            let checked = (rng.below(6) > 0).then(|| Date {
                year: 2022 + rng.below(4) as u16,
                month: 1 + rng.below(12) as u8,
                day: 1 + rng.below(28) as u8,
            });
            let status = match rng.below(40) {
                0 => Status::Inactive,
                1 => Status::Defunct,
                _ => Status::Active,
            };
            Resource {
                id: format!("g-{i:06}"),
                name,
                description,
                subcategories,
                reach,
                sessions,
                cost,
                access,
                languages,
                contact,
                checked,
                status,
            }
        })
        .collect();
    Directory {
        version: super::DIRECTORY_VERSION,
        area: format!("{} and district", towns[0].name),
        resources,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::matching::haversine_km;

    #[test]
    fn same_seed_same_directory_and_another_seed_another() {
        let a = realistic(300, 5, (52.6, -1.95), "MB");
        assert_eq!(a, realistic(300, 5, (52.6, -1.95), "MB"));
        assert_ne!(a, realistic(300, 6, (52.6, -1.95), "MB"));
    }

    #[test]
    fn names_and_descriptions_vary_and_places_spread_with_size() {
        for n in [1_000, 10_000] {
            let dir = realistic(n, 3, (52.6, -1.95), "MB");
            assert_eq!(dir.resources.len(), n);
            let names: BTreeSet<&str> = dir.resources.iter().map(|r| r.name.as_str()).collect();
            let descriptions: BTreeSet<&str> = dir
                .resources
                .iter()
                .map(|r| r.description.as_str())
                .collect();
            assert!(names.len() > n / 3, "{} names for {n}", names.len());
            assert!(
                descriptions.len() > 100,
                "{} descriptions",
                descriptions.len()
            );
            let far = dir
                .resources
                .iter()
                .filter_map(|r| match &r.reach {
                    Reach::Local { location } => {
                        Some(haversine_km((52.6, -1.95), (location.lat, location.lon)))
                    }
                    _ => None,
                })
                .fold(0.0f64, f64::max);
            assert!(far > area_radius_km(n) * 0.5, "furthest {far} km for {n}");
            assert!(
                far < area_radius_km(n) * 2.0 + 20.0,
                "furthest {far} km for {n}"
            );
            let remote = dir
                .resources
                .iter()
                .filter(|r| !matches!(r.reach, Reach::Local { .. }))
                .count();
            assert!(remote > n / 40 && remote < n / 6, "{remote} remote of {n}");
        }
    }

    #[test]
    fn every_generated_entry_passes_the_check_unchanged() {
        let dir = realistic(500, 9, (52.6, -1.95), "MB");
        let json = serde_json::to_string(&dir).unwrap_or_default();
        let (read, problems) = super::super::validate(&json);
        assert_eq!(problems, Vec::new());
        assert_eq!(read, dir);
    }
}
