//! Which language Genie speaks first: the person's own choice when they made one, else the
//! first of the browser's languages that the area offers, else the area's default (the first
//! it lists). Only languages the app has a catalogue for are ever chosen.

/// The primary language of a BCP 47 tag, lower case (`nl-BE` gives `nl`). Norwegian written
/// without a standard (`no`) is read as Bokmål (`nb`), the written standard most use.
pub fn primary(tag: &str) -> String {
    let primary = tag
        .trim()
        .split(['-', '_'])
        .next()
        .unwrap_or("")
        .to_ascii_lowercase();
    if primary == "no" {
        "nb".to_string()
    } else {
        primary
    }
}

/// The languages to offer: those the area lists that the app has, in the area's order; every
/// language the app has when the area lists none of them (or has no settings).
pub fn offered<'a>(available: &[&'a str], area: &[String]) -> Vec<&'a str> {
    let mut out: Vec<&'a str> = Vec::new();
    for tag in area {
        let tag = primary(tag);
        if let Some(found) = available.iter().find(|a| **a == tag) {
            if !out.contains(found) {
                out.push(found);
            }
        }
    }
    if out.is_empty() {
        out = available.to_vec();
    }
    out
}

/// The language to start in. `stored` is the person's own earlier choice, kept on the device;
/// `browser` the browser's languages in the person's order. `None` only when nothing is
/// available at all.
pub fn first_choice<'a>(
    stored: Option<&str>,
    available: &[&'a str],
    area: &[String],
    browser: &[String],
) -> Option<&'a str> {
    // The person's own choice stands even if the area later stops listing it: it is theirs.
    if let Some(stored) = stored.map(primary) {
        if let Some(found) = available.iter().find(|a| **a == stored) {
            return Some(found);
        }
    }
    let offer = offered(available, area);
    browser
        .iter()
        .map(|tag| primary(tag))
        .find_map(|tag| offer.iter().find(|o| **o == tag).copied())
        .or_else(|| offer.first().copied())
}

#[cfg(test)]
mod tests {
    use super::*;

    const APP: [&str; 6] = ["en", "bg", "el", "es", "nb", "nl"];

    fn tags(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn the_first_choice_follows_the_rules_in_order() {
        // (stored, area, browser, expected)
        type Case = (
            Option<&'static str>,
            &'static [&'static str],
            &'static [&'static str],
            &'static str,
        );
        let cases: [Case; 9] = [
            (None, &["en", "el"], &["el-GR", "en"], "el"),
            (None, &["en", "el"], &["de-DE", "fr"], "en"),
            (None, &["nl", "en"], &["de"], "nl"),
            (None, &["en", "nb"], &["no"], "nb"),
            (None, &["en", "nb"], &["nb-NO", "en-GB"], "nb"),
            (Some("es"), &["en"], &["el"], "es"),
            (Some("xx"), &["en", "bg"], &["bg-BG"], "bg"),
            (None, &["xx"], &["es-ES"], "es"),
            (None, &[], &[], "en"),
        ];
        for (stored, area, browser, expected) in cases {
            let got = first_choice(stored, &APP, &tags(area), &tags(browser));
            assert_eq!(got, Some(expected), "{stored:?} {area:?} {browser:?}");
        }
    }

    #[test]
    fn the_offer_keeps_the_area_order_and_drops_unknown_and_repeated_tags() {
        assert_eq!(
            offered(&APP, &tags(&["el", "en", "EL", "xx", "nl-NL"])),
            vec!["el", "en", "nl"]
        );
        assert_eq!(offered(&APP, &tags(&["xx"])), APP.to_vec());
        assert_eq!(
            first_choice(None, &[], &tags(&["en"]), &tags(&["en"])),
            None
        );
    }
}
