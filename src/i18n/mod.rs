//! The words on screen in the person's language.
//!
//! `build.rs` turns `locales/en.json` into a typed module: one struct per message whose fields
//! are its placeholders, so a missing key or placeholder is a compile error. English is compiled
//! in; every other language is a catalogue fetched when chosen (`load`) and kept by the service
//! worker for offline use, so each costs its own bytes only for those who use it. A message a
//! catalogue lacks falls back to English. Numbers, dates, lists and plural forms come from the
//! browser's own `Intl` (`intl`), so no locale data is compiled in.
//!
//! Call sites use `t!(i18n, key.path, name = value)` (a reactive view), `t_string!` (text, for
//! attributes) and `td_string!(locale, ...)` (text in a given language).

pub mod choice;
pub mod intl;
pub mod load;

use std::cell::RefCell;
use std::fmt::Display;

use leptos::prelude::*;

include!(concat!(env!("OUT_DIR"), "/catalogue.rs"));

/// A language on offer: an index into [`LANGUAGES`]. English is always there.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Locale(usize);

impl Locale {
    /// English, compiled in.
    pub const EN: Locale = Locale(0);

    /// Every language on offer, English first.
    pub fn all() -> impl Iterator<Item = Locale> {
        (0..LANGUAGES.len()).map(Locale)
    }

    /// The language with this BCP 47 tag (`nb`, `el`); a regional tag (`nl-BE`, `no`) finds its
    /// language.
    pub fn from_tag(tag: &str) -> Option<Locale> {
        let tag = tag.trim().to_ascii_lowercase();
        let primary = tag.split(['-', '_']).next().unwrap_or("");
        // Norwegian without a written standard is read as Bokmål, the one on offer.
        let primary = if primary == "no" { "nb" } else { primary };
        LANGUAGES
            .iter()
            .position(|(t, _)| *t == tag || *t == primary)
            .map(Locale)
    }

    /// Its tag, as written in `<html lang>` and the catalogue's file name.
    pub fn tag(self) -> &'static str {
        LANGUAGES.get(self.0).map_or("en", |(tag, _)| tag)
    }

    /// Its name in itself ("Nederlands", "Ελληνικά").
    pub fn self_name(self) -> &'static str {
        LANGUAGES.get(self.0).map_or("English", |(_, name)| name)
    }

    /// The tag `Intl` formats with: the area's own tag for the language when it names a region
    /// (`en-US` gives American times and dates), else the catalogue's own choice (British
    /// English for `en`), or the language's tag while its catalogue is not here.
    pub fn intl_tag(self) -> &'static str {
        if let Some(tag) = AREA_TAGS.with(|tags| {
            tags.borrow()
                .iter()
                .find(|(locale, _)| *locale == self)
                .map(|(_, tag)| *tag)
        }) {
            tag
        } else if is_loaded(self) {
            keys::locale::intl {}.render(self)
        } else {
            self.tag()
        }
    }
}

thread_local! {
    /// The catalogues fetched so far, by language; English is never here.
    static LOADED: RefCell<Vec<Option<&'static [&'static str]>>> =
        RefCell::new(vec![None; LANGUAGES.len()]);
}

thread_local! {
    /// The area's tags that name a region (`en-US`, `nl-BE`), by language.
    static AREA_TAGS: RefCell<Vec<(Locale, &'static str)>> = const { RefCell::new(Vec::new()) };
}

/// Takes the area's language tags: one that names a region (`en-US`) is the tag that language
/// formats numbers, dates and times with. Call before words are drawn, or draw them again.
pub fn set_area_tags(tags: &[String]) {
    use wasm_bindgen::JsCast as _;
    let regional: Vec<(Locale, &'static str)> = tags
        .iter()
        .filter(|tag| tag.contains(['-', '_']))
        .filter_map(|tag| {
            let locale = Locale::from_tag(tag)?;
            // A malformed tag would make Intl throw: keep only those it accepts, as it writes them.
            let intl = js_sys::Reflect::get(&js_sys::global(), &"Intl".into()).ok()?;
            let canonical: js_sys::Function =
                js_sys::Reflect::get(&intl, &"getCanonicalLocales".into())
                    .ok()?
                    .dyn_into()
                    .ok()?;
            let canonical = canonical
                .call1(&intl, &tag.replace('_', "-").into())
                .ok()?
                .dyn_into::<js_sys::Array>()
                .ok()?
                .get(0)
                .as_string()?;
            Some((locale, &*Box::leak(canonical.into_boxed_str())))
        })
        .collect();
    AREA_TAGS.with(|kept| *kept.borrow_mut() = regional);
    intl::forget_formats();
}

/// Keeps a catalogue read by `load` for the rest of the visit.
fn keep(locale: Locale, strings: Vec<String>) {
    // A language is read once a visit: leaking it gives the `&'static str` the typed keys hand
    // out, as English has, at the cost of one catalogue's text per language used.
    let strings: Vec<&'static str> = strings
        .into_iter()
        .map(|s| &*Box::leak(s.into_boxed_str()))
        .collect();
    let strings: &'static [&'static str] = Box::leak(strings.into_boxed_slice());
    LOADED.with(|loaded| {
        if let Some(place) = loaded.borrow_mut().get_mut(locale.0) {
            *place = Some(strings);
        }
    });
}

/// Whether the language's words are here (English always is).
pub fn is_loaded(locale: Locale) -> bool {
    locale == Locale::EN
        || LOADED.with(|loaded| loaded.borrow().get(locale.0).is_some_and(Option::is_some))
}

/// The message in `slot`, in the language if its catalogue has it, else in English.
#[doc(hidden)]
pub fn text(locale: Locale, slot: usize) -> &'static str {
    let translated = LOADED.with(|loaded| {
        loaded
            .borrow()
            .get(locale.0)
            .copied()
            .flatten()
            .and_then(|strings| strings.get(slot).copied())
            .filter(|s| !s.is_empty())
    });
    translated
        .or_else(|| ENGLISH.get(slot).copied())
        .unwrap_or("")
}

/// The form of a plural group for `count`: the language's own category from `Intl`, then its
/// `other`, then English's.
#[doc(hidden)]
pub fn plural_text(locale: Locale, first_slot: usize, count: f64) -> &'static str {
    let category = intl::plural_category(locale, count);
    let own = |slot: usize| {
        LOADED.with(|loaded| {
            loaded
                .borrow()
                .get(locale.0)
                .copied()
                .flatten()
                .and_then(|s| s.get(slot).copied())
        })
    };
    let chosen = if locale == Locale::EN {
        None
    } else {
        own(first_slot + category)
            .filter(|s| !s.is_empty())
            .or_else(|| own(first_slot + 5).filter(|s| !s.is_empty()))
    };
    chosen.unwrap_or_else(|| {
        let english = intl::plural_category(Locale::EN, count);
        ENGLISH
            .get(first_slot + english)
            .copied()
            .filter(|s| !s.is_empty())
            .or_else(|| ENGLISH.get(first_slot + 5).copied())
            .unwrap_or("")
    })
}

/// Fills `{{ name }}` placeholders; one shared function keeps the typed keys small.
#[doc(hidden)]
pub fn fill(template: &str, values: &[(&str, &dyn Display)]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(start) = rest.find("{{") {
        out.push_str(&rest[..start]);
        let after = &rest[start + 2..];
        let Some(end) = after.find("}}") else {
            out.push_str(&rest[start..]);
            return out;
        };
        let name = after[..end].trim();
        match values.iter().find(|(n, _)| *n == name) {
            Some((_, value)) => {
                use std::fmt::Write as _;
                let _ = write!(out, "{value}");
            }
            None => out.push_str(&rest[start..start + 2 + end + 2]),
        }
        rest = &after[end + 2..];
    }
    out.push_str(rest);
    out
}

/// A number that chooses a plural form.
pub trait Count {
    fn value(&self) -> f64;
}

macro_rules! count_for {
    ($($t:ty),*) => { $(impl Count for $t { fn value(&self) -> f64 { *self as f64 } })* };
}
count_for!(u8, u16, u32, u64, usize, i8, i16, i32, i64, isize, f32, f64);

/// The language on screen, shared by every component.
#[derive(Clone, Copy)]
pub struct I18n {
    locale: RwSignal<Locale>,
    /// Whether the area's settings (which languages it offers) have been read, or could not
    /// be: the language choice waits for them rather than change under the person's finger.
    offer_known: RwSignal<bool>,
    /// Whether the first language is on screen (or could not be fetched): until then the app
    /// draws nothing and the splash stays, so a person who chose Greek never sees English.
    ready: RwSignal<bool>,
    /// The chosen language whose words could not be fetched at start (offline with no copy):
    /// English shows meanwhile, with a notice in that language and a way to try again.
    unavailable: RwSignal<Option<Locale>>,
}

impl I18n {
    /// The language on screen (tracked: a view reading it follows a switch).
    pub fn get_locale(&self) -> Locale {
        self.locale.get()
    }

    /// The language on screen, without following it.
    pub fn get_locale_untracked(&self) -> Locale {
        self.locale.get_untracked()
    }

    /// Whether the languages on offer are known (see [`I18n::offer_known`]).
    pub fn offer_known(&self) -> bool {
        self.offer_known.get()
    }

    /// Marks the languages on offer as known.
    pub fn set_offer_known(&self) {
        self.offer_known.set(true);
    }

    /// Draws the words again: how numbers, dates or times are written has changed.
    pub(crate) fn formats_changed(&self) {
        self.locale.update(|_| {});
    }

    /// Whether the first language is decided and its words are here (tracked).
    pub fn is_ready(&self) -> bool {
        self.ready.get()
    }

    /// The first language is on screen: the app draws its pages in place of the splash.
    pub(crate) fn set_ready(&self) {
        if !self.ready.get_untracked() {
            crate::platform::remove_splash();
            self.ready.set(true);
        }
    }

    /// The language chosen but not fetched at start, if any (tracked).
    pub fn unavailable(&self) -> Option<Locale> {
        self.unavailable.get()
    }

    pub(crate) fn set_unavailable(&self, locale: Option<Locale>) {
        self.unavailable.set(locale);
    }

    /// Shows `locale`, whose catalogue must already be here (see [`choice::switch_to`]).
    pub(crate) fn show(&self, locale: Locale) {
        self.locale.set(locale);
        choice::follow_in_page(locale);
    }
}

/// Provides the language to the app; nothing is drawn until the first language is here.
pub fn provide_i18n() -> I18n {
    let i18n = I18n {
        locale: RwSignal::new(Locale::EN),
        offer_known: RwSignal::new(false),
        ready: RwSignal::new(false),
        unavailable: RwSignal::new(None),
    };
    provide_context(i18n);
    i18n
}

/// The language on screen, as provided by the app's root.
pub fn use_i18n() -> I18n {
    use_context::<I18n>().unwrap_or_else(provide_i18n)
}

/// A message as a reactive view: it follows a change of language.
#[macro_export]
macro_rules! t {
    ($i18n:expr, $($key:ident).+ $(,)?) => {{
        let i18n = $i18n;
        move || $crate::i18n::keys::$($key)::+ {}.render(i18n.get_locale())
    }};
    ($i18n:expr, $($key:ident).+ $(, $arg:ident = $val:expr)+ $(,)?) => {{
        let i18n = $i18n;
        move || $crate::i18n::keys::$($key)::+ { $($arg: ::core::clone::Clone::clone(&$val)),+ }
            .render(i18n.get_locale())
    }};
}

/// A message as text in the language on screen (tracked when read inside a reactive closure).
#[macro_export]
macro_rules! t_string {
    ($i18n:expr, $($key:ident).+ $(, $arg:ident = $val:expr)* $(,)?) => {
        $crate::i18n::keys::$($key)::+ { $($arg: $val),* }.render($i18n.get_locale())
    };
}

/// A message as text in the given language.
#[macro_export]
macro_rules! td_string {
    ($locale:expr, $($key:ident).+ $(, $arg:ident = $val:expr)* $(,)?) => {
        $crate::i18n::keys::$($key)::+ { $($arg: $val),* }.render($locale)
    };
}

pub use crate::{t, t_string, td_string};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fill_puts_each_value_in_its_place_and_leaves_unknown_names() {
        type Case<'a> = (&'a str, &'a [(&'a str, &'a dyn Display)], &'a str);
        let cases: [Case; 4] = [
            (
                "{{ name }} chose {{ what }}",
                &[("name", &"Ana"), ("what", &"Choir")],
                "Ana chose Choir",
            ),
            (
                "{{name}} ({{ count }})",
                &[("name", &"A"), ("count", &3)],
                "A (3)",
            ),
            ("no place", &[("name", &"A")], "no place"),
            (
                "{{ other }} and {{ name",
                &[("name", &"A")],
                "{{ other }} and {{ name",
            ),
        ];
        for (template, values, expected) in cases {
            assert_eq!(fill(template, values), expected, "{template}");
        }
    }

    #[test]
    fn tags_find_their_language_and_english_is_first() {
        assert_eq!(Locale::from_tag("en-GB"), Some(Locale::EN));
        assert_eq!(Locale::EN.tag(), "en");
        assert_eq!(Locale::from_tag("xx"), None);
        for locale in Locale::all() {
            assert_eq!(Locale::from_tag(locale.tag()), Some(locale));
        }
    }
}
