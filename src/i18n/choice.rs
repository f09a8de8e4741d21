//! The language choice: the first one at start, a switch by the person, and what follows a
//! switch outside the app's own views (`<html lang>`, the splash words index.html shows while
//! the app starts next time).
//!
//! The choice is kept on the device under `genie-language`, only once the person has chosen.

use gloo_storage::{LocalStorage, Storage};
use serde::Serialize;

use super::load::{self, LoadError};
use super::{I18n, Locale, LANGUAGES};

/// Where the person's own choice is kept (prefixed, so "delete everything" finds it).
const CHOICE_KEY: &str = "genie-language";
/// The splash words in the chosen language, read by index.html's small script.
const SPLASH_KEY: &str = "genie-splash";

/// Every language tag the app has a catalogue for.
pub fn available() -> Vec<&'static str> {
    LANGUAGES.iter().map(|(tag, _)| *tag).collect()
}

/// The person's own earlier choice.
pub fn stored() -> Option<String> {
    LocalStorage::get::<String>(CHOICE_KEY).ok()
}

/// The browser's languages, in the person's order.
pub fn browser_languages() -> Vec<String> {
    let Some(navigator) = web_sys::window().map(|w| w.navigator()) else {
        return Vec::new();
    };
    let list: Vec<String> = navigator
        .languages()
        .iter()
        .filter_map(|v| v.as_string())
        .collect();
    if list.is_empty() {
        navigator.language().into_iter().collect()
    } else {
        list
    }
}

/// The languages to offer, given the area's list (`area` may be empty).
pub fn offered(area: &[String]) -> Vec<Locale> {
    genie_core::language::offered(&available(), area)
        .into_iter()
        .filter_map(Locale::from_tag)
        .collect()
}

/// Starts in the language the rules choose. English shows at once; another language shows as
/// soon as its catalogue is here (from the offline copy after the first time).
pub async fn start(i18n: I18n, area: Vec<String>) {
    let chosen = genie_core::language::first_choice(
        stored().as_deref(),
        &available(),
        &area,
        &browser_languages(),
    )
    .and_then(Locale::from_tag)
    .unwrap_or(Locale::EN);
    if chosen == i18n.get_locale_untracked() {
        follow_in_page(chosen);
        return;
    }
    // Offline before this language was ever fetched: stay in English rather than show nothing.
    if load::ensure(chosen).await.is_ok() {
        i18n.show(chosen);
    }
}

/// Switches to `locale` at the person's request and keeps the choice. Only words change:
/// every page keeps what was typed, as no form is drawn again.
pub async fn switch_to(i18n: I18n, locale: Locale) -> Result<(), LoadError> {
    load::ensure(locale).await?;
    let _ = LocalStorage::set(CHOICE_KEY, locale.tag());
    i18n.show(locale);
    Ok(())
}

#[derive(Serialize)]
struct Splash {
    lang: &'static str,
    words: [(&'static str, &'static str); 4],
}

/// Makes the page outside the app follow the language: `<html lang>` (screen readers, spell
/// checkers, hyphenation) and the splash words shown next time before the app starts.
pub fn follow_in_page(locale: Locale) {
    if let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    {
        let _ = root.set_attribute("lang", locale.tag());
    }
    if locale == Locale::EN {
        LocalStorage::delete(SPLASH_KEY);
        return;
    }
    use super::keys;
    let splash = Splash {
        lang: locale.tag(),
        words: [
            ("app_name", keys::app_name {}.render(locale)),
            ("welcome.title", keys::welcome::title {}.render(locale)),
            ("welcome.lead", keys::welcome::lead {}.render(locale)),
            ("loading", keys::loading {}.render(locale)),
        ],
    };
    let _ = LocalStorage::set(SPLASH_KEY, &splash);
}
