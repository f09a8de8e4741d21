//! The reminder calendar file read back by a small unfolding parser: folding at 75 octets
//! without splitting characters, escaping, CRLF and UTC times.

use std::collections::BTreeSet;

use genie_core::followup::{
    ics_file_name, reminder_ics, reminder_uid, DueItem, Milestone, Reminder,
};
use genie_core::model::{ChoiceId, Timestamp};

/// 2026-03-10T09:30:00Z.
const START: Timestamp = Timestamp(1_773_135_000_000);
/// 2026-02-24T17:05:09Z.
const STAMP: Timestamp = Timestamp(1_771_952_709_000);

/// Unfolds (CRLF followed by a space or tab continues the line) and splits into
/// (name, raw value) pairs. Fails the test on a bare LF or CR.
fn parse(ics: &str) -> Vec<(String, String)> {
    assert!(ics.ends_with("\r\n"), "ends with CRLF");
    let without_crlf = ics.replace("\r\n", "");
    assert!(
        !without_crlf.contains('\n') && !without_crlf.contains('\r'),
        "only CRLF line breaks"
    );
    let unfolded = ics.replace("\r\n ", "").replace("\r\n\t", "");
    unfolded
        .split("\r\n")
        .filter(|l| !l.is_empty())
        .map(|l| {
            let (name, value) = l.split_once(':').expect("name:value");
            (name.to_string(), value.to_string())
        })
        .collect()
}

fn unescape(value: &str) -> String {
    let mut out = String::new();
    let mut chars = value.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            match chars.next() {
                Some('n') | Some('N') => out.push('\n'),
                Some(other) => out.push(other),
                None => panic!("dangling backslash"),
            }
        } else {
            out.push(c);
        }
    }
    out
}

fn get<'a>(props: &'a [(String, String)], name: &str) -> Vec<&'a str> {
    props
        .iter()
        .filter(|(n, _)| n == name)
        .map(|(_, v)| v.as_str())
        .collect()
}

#[test]
fn a_reminder_reads_back_with_utc_times_and_escaped_text() {
    let summary = "Café – Zoë's group, Tuesdays; 10:00";
    let description = "Bring: a flask\\cup, £2;\nask for Siân\r\nat the door";
    let ics = reminder_ics(
        &Reminder {
            uid: "check-in-3-1@genie",
            starts: START,
            minutes: 30,
            summary,
            description,
        },
        STAMP,
    );
    let props = parse(&ics);
    let names: Vec<&str> = props.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(names[0], "BEGIN");
    assert_eq!(get(&props, "BEGIN"), ["VCALENDAR", "VEVENT", "VALARM"]);
    assert_eq!(get(&props, "END"), ["VALARM", "VEVENT", "VCALENDAR"]);
    assert_eq!(get(&props, "VERSION"), ["2.0"]);
    assert_eq!(get(&props, "UID"), ["check-in-3-1@genie"]);
    assert_eq!(get(&props, "DTSTART"), ["20260310T093000Z"]);
    assert_eq!(get(&props, "DTSTAMP"), ["20260224T170509Z"]);
    assert_eq!(get(&props, "DURATION"), ["PT30M"]);
    assert_eq!(
        get(&props, "SUMMARY"),
        ["Café – Zoë's group\\, Tuesdays\\; 10:00"]
    );
    assert_eq!(unescape(get(&props, "SUMMARY")[0]), summary);
    let descriptions = get(&props, "DESCRIPTION");
    assert_eq!(descriptions.len(), 2, "event and alarm");
    assert_eq!(
        unescape(descriptions[0]),
        "Bring: a flask\\cup, £2;\nask for Siân\nat the door"
    );
    assert_eq!(unescape(descriptions[1]), summary);
}

#[test]
fn long_lines_fold_at_75_octets_without_splitting_a_character() {
    // Two-, three- and four-byte characters, long enough to fold several times.
    let summary = "Zoë's café ☕ group 🌱 on Tuesdays; ".repeat(6);
    let ics = reminder_ics(
        &Reminder {
            uid: "take-stock-six_months@genie",
            starts: START,
            minutes: 0,
            summary: &summary,
            description: "",
        },
        STAMP,
    );
    let mut folds = 0;
    for (i, line) in ics.split("\r\n").enumerate() {
        assert!(line.len() <= 75, "line {i} is {} octets", line.len());
        if line.starts_with(' ') {
            folds += 1;
        }
    }
    // The escaped summary is 8 + 6 * 42 = 260 octets. Cutting at 75 would split the second
    // "🌱" (octets 73 to 76), so the first line stops at 73; then 74 octets after
    // each leading space, again stepping back before a split character: 73, 1 + 74, 1 + 73,
    // 1 + 40. The alarm's copy (12 + 252 octets) folds three times more.
    let lines: Vec<&str> = ics.split("\r\n").collect();
    let at = lines
        .iter()
        .position(|l| l.starts_with("SUMMARY:"))
        .expect("summary line");
    let lengths: Vec<usize> = lines[at..at + 4].iter().map(|l| l.len()).collect();
    assert_eq!(lengths, [73, 75, 74, 41]);
    assert_eq!(folds, 6);
    // Splitting is byte-wise safe: the file is valid UTF-8 line by line, and reads back whole.
    let props = parse(&ics);
    assert_eq!(unescape(get(&props, "SUMMARY")[0]), summary);
    assert!(get(&props, "DURATION").is_empty());
    assert!(get(&props, "DESCRIPTION").len() == 1, "only the alarm's");
}

#[test]
fn times_outside_the_format_are_clamped_not_panicking() {
    let ics = reminder_ics(
        &Reminder {
            uid: "x",
            starts: Timestamp(i64::MAX),
            minutes: 0,
            summary: "",
            description: "",
        },
        Timestamp(i64::MIN),
    );
    let props = parse(&ics);
    assert_eq!(get(&props, "DTSTART"), ["99991231T235959Z"]);
    assert_eq!(get(&props, "DTSTAMP"), ["19700101T000000Z"]);
}

#[test]
fn any_text_reads_back_whole_from_lines_of_at_most_75_octets() {
    // Characters of one to four octets, and every character that must be escaped.
    let alphabet: Vec<char> = "aZ 9é–☕🌱\\;,\n\r:\"ÿ中".chars().collect();
    let mut state: u64 = 7;
    for len in 0..220 {
        let text: String = (0..len)
            .map(|_| {
                state = state
                    .wrapping_mul(6_364_136_223_846_793_005)
                    .wrapping_add(1_442_695_040_888_963_407);
                alphabet[(state >> 33) as usize % alphabet.len()]
            })
            .collect();
        let ics = reminder_ics(
            &Reminder {
                uid: "u",
                starts: START,
                minutes: 0,
                summary: &text,
                description: &text,
            },
            STAMP,
        );
        assert!(ics.split("\r\n").all(|l| l.len() <= 75), "length {len}");
        let props = parse(&ics);
        // Line breaks of every spelling come back as one "\n".
        let expected = text.replace("\r\n", "\n").replace('\r', "\n");
        assert_eq!(unescape(get(&props, "SUMMARY")[0]), expected);
    }
}

/// Every reminder of one person has its own UID, the same each time it is made; another
/// person's reminders (a first map started a millisecond later) share none of them.
#[test]
fn uids_are_unique_to_the_person_and_the_reminder() {
    let items = |choice_chosen: [Timestamp; 2]| -> Vec<(DueItem, Option<Timestamp>)> {
        let mut out = Vec::new();
        for (n, chosen) in choice_chosen.iter().enumerate() {
            for round in 1..=3 {
                let choice = ChoiceId(u32::try_from(n).expect("small") + 1);
                out.push((DueItem::CheckIn { choice, round }, Some(*chosen)));
            }
        }
        out.push((DueItem::TakeStock(Milestone::SixMonths), None));
        out.push((DueItem::TakeStock(Milestone::TwelveMonths), None));
        out
    };
    let chosen = [STAMP, START];
    let uids = |person: Timestamp| -> Vec<String> {
        items(chosen)
            .into_iter()
            .map(|(item, at)| reminder_uid(person, item, at))
            .collect()
    };
    let alice = uids(STAMP);
    let bob = uids(Timestamp(STAMP.0 + 1));
    let all: BTreeSet<&String> = alice.iter().chain(&bob).collect();
    assert_eq!(
        all.len(),
        alice.len() + bob.len(),
        "no UID shared: {alice:?} {bob:?}"
    );
    assert_eq!(alice, uids(STAMP), "stable when made again");
    for uid in &alice {
        assert!(
            uid.ends_with("@genie") && uid.is_ascii() && !uid.contains(' '),
            "{uid}"
        );
        assert!(
            !uid.contains(&STAMP.0.to_string()),
            "the start time is not shown"
        );
    }
    // Choice 1 removed and its number reused for a new activity: a new reminder.
    let item = DueItem::CheckIn {
        choice: ChoiceId(1),
        round: 1,
    };
    assert_ne!(
        reminder_uid(STAMP, item, Some(START)),
        reminder_uid(STAMP, item, Some(Timestamp(START.0 + 86_400_000)))
    );
    // The UID reaches the file as given.
    let ics = reminder_ics(
        &Reminder {
            uid: &alice[0],
            starts: START,
            minutes: 15,
            summary: "s",
            description: "",
        },
        STAMP,
    );
    assert_eq!(get(&parse(&ics), "UID"), [alice[0].as_str()]);
}

#[test]
fn file_names_say_what_each_reminder_is() {
    for (title, name) in [
        (
            "Genie: how did Walking group go?",
            "genie-how-did-walking-group-go.ics",
        ),
        (
            "Genie: take stock of your map (6 months)",
            "genie-take-stock-of-your-map-6-months.ics",
        ),
        (
            "Genie: how did Zoë's Café go?",
            "genie-how-did-zoë-s-café-go.ics",
        ),
        ("  ../..\\ <>:\"|?*  ", "reminder.ics"),
        ("", "reminder.ics"),
    ] {
        assert_eq!(ics_file_name(title), name, "{title:?}");
    }
    let long = ics_file_name(&"word ".repeat(40));
    assert!(
        long.chars().count() <= 64 && long.ends_with(".ics") && !long.contains("-.ics"),
        "{long}"
    );
}
