//! What a card shows about an entry: price, sessions in week order, safe links, the date.

use genie_core::directory;
use genie_core::directory::{
    amount, email_href, price, sessions_in_order, website_href, website_text, Contact, Cost, Date,
    Price, Session,
};
use genie_core::model::{DayPart, Timestamp, Weekday};

#[test]
fn prices_read_as_people_say_them() {
    assert_eq!(price(Cost::Free), Price::Free);
    assert_eq!(price(Cost::Paid { minor_units: 0 }), Price::Free);
    assert_eq!(price(Cost::Unknown), Price::Unknown);
    assert_eq!(
        price(Cost::Paid { minor_units: 250 }),
        Price::Amount("2.50".into())
    );
    assert_eq!(amount(300), "3");
    assert_eq!(amount(5), "0.05");
    assert_eq!(amount(1234), "12.34");
    assert_eq!(amount(u32::MAX), "42949672.95");
}

fn session(day: Weekday, part: DayPart, starts: Option<&str>) -> Session {
    Session {
        day,
        part,
        starts: starts.map(String::from),
        ends: None,
    }
}

#[test]
fn sessions_come_in_week_order_without_repeats() {
    let given = [
        session(Weekday::Friday, DayPart::Morning, Some("10:00")),
        session(Weekday::Monday, DayPart::Evening, None),
        session(Weekday::Monday, DayPart::Morning, Some("09:30")),
        session(Weekday::Friday, DayPart::Morning, Some("10:00")),
    ];
    let days: Vec<_> = sessions_in_order(&given)
        .into_iter()
        .map(|s| (s.day, s.part))
        .collect();
    assert_eq!(
        days,
        [
            (Weekday::Monday, DayPart::Morning),
            (Weekday::Monday, DayPart::Evening),
            (Weekday::Friday, DayPart::Morning)
        ]
    );
    assert!(sessions_in_order(&[]).is_empty());
}

fn contact(email: &str, website: &str) -> Contact {
    Contact {
        phone: String::new(),
        email: email.into(),
        website: website.into(),
    }
}

#[test]
fn only_web_addresses_become_website_links() {
    let fine = contact("", "https://www.example.org/");
    assert_eq!(website_href(&fine), Some("https://www.example.org/"));
    assert_eq!(website_text("https://www.example.org/"), "example.org");
    assert_eq!(
        website_text("HTTP://example.org/groups"),
        "example.org/groups"
    );
    for bad in [
        "",
        "javascript:alert(1)",
        "https://",
        "https://a b.org",
        "ftp://x.org",
    ] {
        assert_eq!(website_href(&contact("", bad)), None, "{bad}");
    }
}

#[test]
fn only_plain_addresses_become_email_links() {
    assert_eq!(
        email_href(&contact("info@example.org", "")),
        Some("mailto:info@example.org".into())
    );
    for bad in [
        "",
        "info",
        "info@",
        "@example.org",
        "a@b@example.org",
        "info@example.org?subject=x",
        "in fo@example.org",
        "info@localhost",
    ] {
        assert_eq!(email_href(&contact(bad, "")), None, "{bad}");
    }
}

#[test]
fn a_checked_date_is_noon_utc_that_day() {
    let date = Date::parse("2024-09-06").expect("a date");
    assert_eq!(date.noon_utc(), Timestamp(1_725_624_000_000));
}

#[test]
fn clock_times_give_hour_and_minute_for_the_shell_to_word_and_nothing_else() {
    let cases: [(&str, Option<(u8, u8)>); 10] = [
        ("14:00", Some((14, 0))),
        ("09:30", Some((9, 30))),
        ("9:05", Some((9, 5))),
        (" 23:59 ", Some((23, 59))),
        ("00:00", Some((0, 0))),
        ("24:00", None),
        ("12:60", None),
        ("12:5", None),
        ("noon", None),
        ("", None),
    ];
    for (text, expected) in cases {
        assert_eq!(directory::clock(text), expected, "{text:?}");
    }
}
