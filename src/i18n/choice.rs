//! The language choice: the first one at start, a switch by the person, and what follows a
//! switch outside the app's own views (`<html lang>`, the splash words index.html shows while
//! the app starts next time).
//!
//! The choice is kept on the device under `genie-language`, only once the person has chosen.

use gloo_storage::{LocalStorage, Storage};
use leptos::prelude::GetUntracked;
use serde::Serialize;
use wasm_bindgen::{JsCast, JsValue};

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

/// Starts in the language the rules choose, once its catalogue is here (from the offline copy
/// after the first time); until then the splash stays. Offline before the language was ever
/// fetched, English shows with a notice in the chosen language (`unavailable`).
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
    } else if load::ensure(chosen).await.is_ok() {
        i18n.show(chosen);
    } else {
        // English on screen, but the choice and its kept splash words stay for next time.
        set_html_lang(Locale::EN);
        i18n.set_unavailable(Some(chosen));
    }
    i18n.set_ready();
}

/// Tries again to fetch the language that could not be fetched at start.
pub async fn retry(i18n: I18n) -> Result<(), LoadError> {
    let Some(locale) = i18n.unavailable.get_untracked() else {
        return Ok(());
    };
    load::ensure(locale).await?;
    i18n.set_unavailable(None);
    i18n.show(locale);
    Ok(())
}

/// The notice and button words for a language whose catalogue is not here, from the words
/// kept on the device when it was last shown (see [`follow_in_page`]); English otherwise.
pub fn unavailable_words(locale: Locale) -> (String, String) {
    // Read with the browser's own JSON (no serde code in the app for this one look-up).
    let kept = LocalStorage::raw()
        .get_item(SPLASH_KEY)
        .ok()
        .flatten()
        .and_then(|text| js_sys::JSON::parse(&text).ok());
    let field = |value: &JsValue, name: &str| js_sys::Reflect::get(value, &name.into()).ok();
    let word = |key: &str| -> Option<String> {
        let kept = kept.as_ref()?;
        if field(kept, "lang")?.as_string()? != locale.tag() {
            return None;
        }
        let words: js_sys::Array = field(kept, "words")?.dyn_into().ok()?;
        words.iter().find_map(|pair| {
            let pair: js_sys::Array = pair.dyn_into().ok()?;
            (pair.get(0).as_string()? == key).then(|| pair.get(1).as_string())?
        })
    };
    match (word("locale.unavailable"), word("locale.retry")) {
        (Some(notice), Some(retry)) => (notice, retry),
        _ => (
            super::keys::locale::unavailable {}
                .render(Locale::EN)
                .to_string(),
            super::keys::locale::retry {}.render(Locale::EN).to_string(),
        ),
    }
}

fn set_html_lang(locale: Locale) {
    if let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    {
        let _ = root.set_attribute("lang", locale.tag());
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
    words: [(&'static str, &'static str); 6],
}

/// Makes the page outside the app follow the language: `<html lang>` (screen readers, spell
/// checkers, hyphenation) and the splash words shown next time before the app starts (with
/// the words to say if the language cannot be fetched then).
pub fn follow_in_page(locale: Locale) {
    set_html_lang(locale);
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
            // Not in the splash: what the app says if this language cannot be fetched later.
            (
                "locale.unavailable",
                keys::locale::unavailable {}.render(locale),
            ),
            ("locale.retry", keys::locale::retry {}.render(locale)),
        ],
    };
    let _ = LocalStorage::set(SPLASH_KEY, &splash);
}
