//! A calendar file (iCalendar, RFC 5545) for one reminder, so a check-in or a take-stock date
//! can go into whatever calendar the person already uses: the app itself sends nothing.
//!
//! The words come in as parameters (the UI passes them already translated); this file only
//! gets the format right: times in UTC with `Z` so no time-zone table is needed, text
//! escaped, lines folded at 75 octets without splitting a character, CRLF line endings.

use super::due::DueItem;
use crate::model::Timestamp;

/// Who made the file, as calendars show it. Not translated: it is an identifier.
const PRODID: &str = "-//Genie//Follow-up reminder//EN";
/// The latest moment a four-digit year can hold (9999-12-31T23:59:59Z), in ms.
const LAST_MS: i64 = 253_402_300_799_000;
/// The longest a content line may be, in octets, before it is folded.
const LINE_OCTETS: usize = 75;

/// One reminder event.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Reminder<'a> {
    /// Stable and unique per person and reminder ([`reminder_uid`]), so importing the same
    /// reminder again updates it instead of adding a copy, and two people's reminders (or
    /// two activities') never merge in one calendar.
    pub uid: &'a str,
    pub starts: Timestamp,
    /// Length of the event in minutes; 0 gives a moment with no length.
    pub minutes: u32,
    /// The event's title, already translated.
    pub summary: &'a str,
    /// Longer text, already translated; left out when empty.
    pub description: &'a str,
}

/// The whole `.ics` file for one reminder, with an alarm at its start. `stamp` is when the
/// file was made (the shell's "now"). Times before 1970 or after 9999 are clamped, since
/// the format cannot hold them and a reminder there would be meaningless anyway.
pub fn reminder_ics(reminder: &Reminder, stamp: Timestamp) -> String {
    let mut out = String::new();
    let mut line = |text: String| fold_into(&mut out, &text);
    line("BEGIN:VCALENDAR".into());
    line("VERSION:2.0".into());
    line(format!("PRODID:{PRODID}"));
    line("CALSCALE:GREGORIAN".into());
    line("METHOD:PUBLISH".into());
    line("BEGIN:VEVENT".into());
    line(format!("UID:{}", escape(reminder.uid)));
    line(format!("DTSTAMP:{}", utc(stamp)));
    line(format!("DTSTART:{}", utc(reminder.starts)));
    if reminder.minutes > 0 {
        line(format!("DURATION:PT{}M", reminder.minutes));
    }
    line(format!("SUMMARY:{}", escape(reminder.summary)));
    if !reminder.description.is_empty() {
        line(format!("DESCRIPTION:{}", escape(reminder.description)));
    }
    line("BEGIN:VALARM".into());
    line("ACTION:DISPLAY".into());
    line("TRIGGER:PT0S".into());
    line(format!("DESCRIPTION:{}", escape(reminder.summary)));
    line("END:VALARM".into());
    line("END:VEVENT".into());
    line("END:VCALENDAR".into());
    out
}

/// The UID of one reminder: the same every time that person makes it, different for every
/// other person and reminder.
///
/// `person` is the moment the person's first map was started (wave 1's `started_at`): it is
/// kept for good, travels with a backup, and two people starting to the millisecond is
/// vanishingly rare, so it can tell people apart without a server or a new stored id. It is
/// hashed, so the file does not show when the map was started. A check-in's UID also holds
/// when its activity was chosen, so a choice removed and its number reused later gets a new
/// reminder rather than overwriting the old one's.
pub fn reminder_uid(person: Timestamp, item: DueItem, chosen_at: Option<Timestamp>) -> String {
    let person = fnv1a(&person.0.to_le_bytes());
    match item {
        DueItem::CheckIn { choice, round } => {
            let chosen = fnv1a(&chosen_at.unwrap_or_default().0.to_le_bytes()) & 0xffff_ffff;
            format!(
                "{person:016x}-check-in-{}-{chosen:08x}-{round}@genie",
                choice.0
            )
        }
        DueItem::TakeStock(milestone) => {
            format!("{person:016x}-take-stock-{}@genie", milestone.as_str())
        }
    }
}

/// A file name that says what the reminder is, from its (translated) title: letters and
/// digits kept, everything else one hyphen, lower case, at most 60 characters, then `.ics`.
/// "Genie: how did Zoë's walk go?" gives `genie-how-did-zoë-s-walk-go.ics`.
pub fn ics_file_name(title: &str) -> String {
    let mut out = String::new();
    for c in title.chars() {
        if c.is_alphanumeric() {
            out.extend(c.to_lowercase());
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
        if out.chars().count() >= 60 {
            break;
        }
    }
    let stem = out.trim_end_matches('-');
    if stem.is_empty() {
        "reminder.ics".into()
    } else {
        format!("{stem}.ics")
    }
}

/// FNV-1a, 64 bits: a small, stable hash (the same on every device and version).
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |hash, &b| {
        (hash ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// Escapes a TEXT value: backslash, semicolon, comma and line breaks (any of CRLF, LF, CR
/// becomes `\n`). Other control characters are not allowed in TEXT and are dropped; tab is
/// kept.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                out.push_str("\\n");
            }
            '\t' => out.push(c),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// Writes one content line, folded so no physical line exceeds 75 octets (a continuation
/// line's leading space counts), breaking only between characters, each ended by CRLF.
fn fold_into(out: &mut String, line: &str) {
    let mut rest = line;
    let mut limit = LINE_OCTETS;
    loop {
        if rest.len() <= limit {
            out.push_str(rest);
            out.push_str("\r\n");
            return;
        }
        let mut cut = limit;
        while !rest.is_char_boundary(cut) {
            cut -= 1;
        }
        let (head, tail) = rest.split_at(cut);
        out.push_str(head);
        out.push_str("\r\n ");
        rest = tail;
        // The leading space takes one octet of every continuation line.
        limit = LINE_OCTETS - 1;
    }
}

/// `YYYYMMDDTHHMMSSZ` for a timestamp, clamped to years 1970 to 9999.
fn utc(at: Timestamp) -> String {
    let ms = at.0.clamp(0, LAST_MS);
    let secs = ms / 1000;
    let days = secs / 86_400;
    let of_day = secs % 86_400;
    let (year, month, day) = civil_from_days(days);
    format!(
        "{year:04}{month:02}{day:02}T{:02}{:02}{:02}Z",
        of_day / 3600,
        (of_day % 3600) / 60,
        of_day % 60
    )
}

/// Year, month and day of a day count since 1970-01-01 (proleptic Gregorian). The
/// well-known era-based conversion; valid for the clamped range used here.
fn civil_from_days(days: i64) -> (i64, i64, i64) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn civil_dates() {
        assert_eq!(civil_from_days(0), (1970, 1, 1));
        // 2000-02-29, a leap day in a century leap year.
        assert_eq!(civil_from_days(11_016), (2000, 2, 29));
        assert_eq!(utc(Timestamp(LAST_MS + 5_000)), "99991231T235959Z");
        assert_eq!(utc(Timestamp(-1)), "19700101T000000Z");
    }

    #[test]
    fn escapes_every_special() {
        assert_eq!(
            escape("a\\b;c,d\r\ne\rf\ng\u{7}"),
            "a\\\\b\\;c\\,d\\ne\\nf\\ng"
        );
    }
}
