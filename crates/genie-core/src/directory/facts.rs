//! What a person needs to decide about an entry (what it costs, when it runs, how to get in
//! touch), in a form the UI only has to word. Nothing is worded here.

use super::{Contact, Cost, Date, Session};
use crate::model::Timestamp;

/// What going once costs, as a card says it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Price {
    Free,
    /// The amount in whole units with two decimals when there are pence ("2.50", "3").
    Amount(String),
    Unknown,
}

/// The price of an entry; a paid entry at zero is free.
pub fn price(cost: Cost) -> Price {
    match cost {
        Cost::Free | Cost::Paid { minor_units: 0 } => Price::Free,
        Cost::Paid { minor_units } => Price::Amount(amount(minor_units)),
        Cost::Unknown => Price::Unknown,
    }
}

/// Minor units (pence) as an amount: 250 is "2.50", 300 is "3", 5 is "0.05".
pub fn amount(minor_units: u32) -> String {
    let (whole, part) = (minor_units / 100, minor_units % 100);
    if part == 0 {
        whole.to_string()
    } else {
        format!("{whole}.{part:02}")
    }
}

/// The sessions in week order (Monday first), then by part of the day and start time.
pub fn sessions_in_order(sessions: &[Session]) -> Vec<Session> {
    let mut sorted = sessions.to_vec();
    crate::order::sort_by(&mut sorted, |a, b| {
        (a.day, a.part, &a.starts, &a.ends).cmp(&(b.day, b.part, &b.starts, &b.ends))
    });
    sorted.dedup();
    sorted
}

/// A session's clock time ("09:30", as the directory check writes it) as hour and minute, for
/// the shell to write as the person's language does; `None` for anything else.
pub fn clock(text: &str) -> Option<(u8, u8)> {
    let (hour, minute) = text.trim().split_once(':')?;
    if hour.is_empty() || hour.len() > 2 || minute.len() != 2 {
        return None;
    }
    let (hour, minute): (u8, u8) = (hour.parse().ok()?, minute.parse().ok()?);
    (hour <= 23 && minute <= 59).then_some((hour, minute))
}

/// The website to link to: only `http` and `https` addresses, since the page makes it a link.
pub fn website_href(contact: &Contact) -> Option<&str> {
    let url = contact.website.trim();
    let lower = url.to_ascii_lowercase();
    let plain = !url.chars().any(|c| c.is_whitespace() || c.is_control());
    ((lower.starts_with("https://") || lower.starts_with("http://")) && url.len() > 8 && plain)
        .then_some(url)
}

/// A website as people read it: without the scheme, `www.` or a trailing slash.
pub fn website_text(url: &str) -> &str {
    let url = url.trim();
    let rest = ["https://", "http://"]
        .iter()
        .find_map(|scheme| {
            url.get(..scheme.len())
                .filter(|head| head.eq_ignore_ascii_case(scheme))
                .map(|_| &url[scheme.len()..])
        })
        .unwrap_or(url);
    let rest = rest.strip_prefix("www.").unwrap_or(rest);
    rest.strip_suffix('/').unwrap_or(rest)
}

/// A `mailto:` link for the entry's e-mail address, when it is a plain address (one `@`, no
/// spaces, nothing that would add a subject or other header to the draft).
pub fn email_href(contact: &Contact) -> Option<String> {
    let email = contact.email.trim();
    let (user, host) = email.split_once('@')?;
    let plain = |part: &str| {
        !part.is_empty()
            && !part
                .chars()
                .any(|c| c.is_whitespace() || c.is_control() || "@?&#/\\:<>\"',;".contains(c))
    };
    (plain(user) && plain(host) && host.contains('.')).then(|| format!("mailto:{email}"))
}

impl Date {
    /// Noon UTC on this date, so that shown as a local date anywhere from UTC-11 to UTC+11 it
    /// is the same calendar day.
    pub fn noon_utc(self) -> Timestamp {
        Timestamp(self.days_since_epoch() * Timestamp::MS_PER_DAY + Timestamp::MS_PER_DAY / 2)
    }
}
