//! Numbers, prices, dates, lists and plural categories in the person's language, from the
//! browser's own `Intl` through js-sys: no locale data is compiled into the app.

use std::cell::RefCell;

use js_sys::{Array, Intl, Object, Reflect};
use wasm_bindgen::JsValue;

use super::Locale;

thread_local! {
    static PLURALS: RefCell<Vec<(Locale, Intl::PluralRules)>> = const { RefCell::new(Vec::new()) };
    static NUMBERS: RefCell<Vec<(Locale, Intl::NumberFormat)>> = const { RefCell::new(Vec::new()) };
    static CLOCKS: RefCell<Vec<(Locale, Intl::DateTimeFormat)>> = const { RefCell::new(Vec::new()) };
}

/// Forgets the formats made so far: the tag a language formats with has changed.
pub(super) fn forget_formats() {
    PLURALS.with(|cache| cache.borrow_mut().clear());
    NUMBERS.with(|cache| cache.borrow_mut().clear());
    CLOCKS.with(|cache| cache.borrow_mut().clear());
}

fn locales(locale: Locale) -> Array {
    Array::of1(&JsValue::from_str(locale.intl_tag()))
}

fn options(pairs: &[(&str, JsValue)]) -> Object {
    let object = Object::new();
    for (key, value) in pairs {
        let _ = Reflect::set(&object, &JsValue::from_str(key), value);
    }
    object
}

/// The index of `count`'s plural category (zero, one, two, few, many, other) in `locale`.
pub fn plural_category(locale: Locale, count: f64) -> usize {
    let category = PLURALS.with(|cache| {
        let mut cache = cache.borrow_mut();
        let rules = match cache.iter().find(|(l, _)| *l == locale) {
            Some((_, rules)) => rules.clone(),
            None => {
                let rules = Intl::PluralRules::new(&locales(locale), &Object::new());
                cache.push((locale, rules.clone()));
                rules
            }
        };
        String::from(rules.select(count))
    });
    category_index(&category)
}

/// The slot of a plural category's form, as `build.rs` lays them out.
pub fn category_index(category: &str) -> usize {
    match category {
        "zero" => 0,
        "one" => 1,
        "two" => 2,
        "few" => 3,
        "many" => 4,
        _ => 5,
    }
}

/// A whole or decimal number as the language writes it (`24,040` in English, `24.040` in Dutch).
pub fn number(locale: Locale, value: f64) -> String {
    NUMBERS.with(|cache| {
        let mut cache = cache.borrow_mut();
        let format = match cache.iter().find(|(l, _)| *l == locale) {
            Some((_, format)) => format.clone(),
            None => {
                let format = Intl::NumberFormat::new(
                    &locales(locale),
                    &options(&[("maximumFractionDigits", JsValue::from_f64(1.0))]),
                );
                cache.push((locale, format.clone()));
                format
            }
        };
        call_format(&format.format(), &JsValue::from_f64(value))
            .unwrap_or_else(|| value.to_string())
    })
}

/// A price in the area's currency (an ISO 4217 code from the area settings), as the language
/// writes it: `£3.50`, `3,50 €`. Whole amounts drop the pence.
pub fn price(locale: Locale, amount: f64, currency: &str) -> String {
    let whole = amount.fract() == 0.0;
    let mut pairs = vec![
        ("style", JsValue::from_str("currency")),
        ("currency", JsValue::from_str(currency)),
    ];
    if whole {
        pairs.push(("minimumFractionDigits", JsValue::from_f64(0.0)));
    }
    // An unknown currency code makes Intl throw: show the plain number and the code then.
    let made = Reflect::get(&js_sys::global(), &JsValue::from_str("Intl"))
        .and_then(|intl| Reflect::get(&intl, &JsValue::from_str("NumberFormat")))
        .and_then(|constructor| {
            Reflect::construct(
                &constructor.into(),
                &Array::of2(&locales(locale).into(), &options(&pairs).into()),
            )
        });
    made.ok()
        .map(wasm_bindgen::JsCast::unchecked_into::<Intl::NumberFormat>)
        .and_then(|format| call_format(&format.format(), &JsValue::from_f64(amount)))
        .unwrap_or_else(|| format!("{} {currency}", number(locale, amount)))
}

/// A list joined as the language joins it ("A, B and C"; "A, B y C").
pub fn list(locale: Locale, items: &[String]) -> String {
    joined(locale, items, "conjunction")
}

/// Choices joined as the language joins them ("A or B"; "A of B"; "A ή B").
pub fn list_or(locale: Locale, items: &[String]) -> String {
    joined(locale, items, "disjunction")
}

fn joined(locale: Locale, items: &[String], kind: &str) -> String {
    let array: Array = items.iter().map(|s| JsValue::from_str(s)).collect();
    let format = Intl::ListFormat::new(
        &locales(locale),
        &options(&[("type", JsValue::from_str(kind))]),
    );
    String::from(format.format(&array))
}

/// A date in the device's time zone, written out as the language does ("5 January 2026").
pub fn date(locale: Locale, at_ms: f64) -> String {
    let date = js_sys::Date::new(&JsValue::from_f64(at_ms));
    let options = options(&[
        ("day", JsValue::from_str("numeric")),
        ("month", JsValue::from_str("long")),
        ("year", JsValue::from_str("numeric")),
    ]);
    String::from(date.to_locale_date_string(locale.intl_tag(), &options))
}

/// A clock time (a session's start, "14:00" in the directory) as the language writes it:
/// "14:00" in British English, "2:00 PM" in American English. The time is a time of day, not a
/// moment, so it is formatted in UTC and no time zone moves it.
pub fn clock_time(locale: Locale, hour: u8, minute: u8) -> String {
    let at =
        js_sys::Date::utc(2000.0, 0.0) + (f64::from(hour) * 60.0 + f64::from(minute)) * 60_000.0;
    CLOCKS.with(|cache| {
        let mut cache = cache.borrow_mut();
        let format = match cache.iter().find(|(l, _)| *l == locale) {
            Some((_, format)) => format.clone(),
            None => {
                let format = Intl::DateTimeFormat::new(
                    &locales(locale),
                    // The language's own short time ("09:30", "9:30 AM", "9:30 π.μ.").
                    &options(&[
                        ("timeStyle", JsValue::from_str("short")),
                        ("timeZone", JsValue::from_str("UTC")),
                    ]),
                );
                cache.push((locale, format.clone()));
                format
            }
        };
        call_format(
            &format.format(),
            &js_sys::Date::new(&JsValue::from_f64(at)).into(),
        )
        .unwrap_or_else(|| format!("{hour:02}:{minute:02}"))
    })
}

fn call_format(format: &js_sys::Function, value: &JsValue) -> Option<String> {
    format
        .call1(&JsValue::NULL, value)
        .ok()
        .and_then(|v| v.as_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

    wasm_bindgen_test_configure!(run_in_browser);

    fn locale(tag: &str) -> Locale {
        Locale::from_tag(tag).expect("a language the app has")
    }

    /// Intl separates thousands with a no-break space in some languages: compare plainly.
    fn plain(text: String) -> String {
        text.replace(['\u{a0}', '\u{202f}'], " ")
    }

    #[wasm_bindgen_test]
    fn numbers_prices_and_lists_are_written_as_each_language_writes_them() {
        let numbers = [
            ("en", 24_040.0, "24,040"),
            ("nl", 24_040.0, "24.040"),
            ("nb", 24_040.0, "24 040"),
            ("el", 2.5, "2,5"),
            ("bg", 24_040.0, "24 040"),
            ("es", 1.25, "1,3"),
        ];
        for (tag, value, expected) in numbers {
            assert_eq!(plain(number(locale(tag), value)), expected, "{tag} {value}");
        }
        let prices = [
            ("en", 3.5, "GBP", "£3.50"),
            ("en", 3.0, "GBP", "£3"),
            ("es", 3.5, "EUR", "3,50 €"),
            ("nl", 12.0, "EUR", "€ 12"),
            ("en", 2.0, "X", "2 X"),
        ];
        for (tag, amount, currency, expected) in prices {
            assert_eq!(
                plain(price(locale(tag), amount, currency)),
                expected,
                "{tag} {amount} {currency}"
            );
        }
        let names = ["Ana".to_string(), "Bo".to_string(), "Cy".to_string()];
        assert_eq!(list(locale("en"), &names), "Ana, Bo and Cy");
        assert_eq!(list(locale("es"), &names), "Ana, Bo y Cy");
        assert_eq!(list(locale("el"), &names[..1]), "Ana");
        assert_eq!(list_or(locale("en"), &names[..2]), "Ana or Bo");
        assert_eq!(list_or(locale("es"), &names[..2]), "Ana o Bo");
    }

    #[wasm_bindgen_test]
    fn clock_times_are_written_as_each_language_and_the_areas_region_write_them() {
        let english = locale("en");
        let expected = |tag: &str, hour: u8, minute: u8| {
            let options = options(&[
                ("timeStyle", JsValue::from_str("short")),
                ("timeZone", JsValue::from_str("UTC")),
            ]);
            let at = js_sys::Date::utc(2000.0, 0.0)
                + (f64::from(hour) * 60.0 + f64::from(minute)) * 60_000.0;
            String::from(
                js_sys::Date::new(&JsValue::from_f64(at))
                    .to_locale_time_string_with_options(tag, &options),
            )
        };
        // English is compiled in and formats as British English; an area that offers "en-US"
        // has American times.
        super::super::set_area_tags(&[]);
        assert_eq!(clock_time(english, 14, 0), "14:00");
        assert_eq!(clock_time(english, 9, 30), "09:30");
        super::super::set_area_tags(&["en-US".to_string(), "nl".to_string()]);
        assert_eq!(plain(clock_time(english, 14, 0)), "2:00 PM");
        assert_eq!(clock_time(english, 14, 0), expected("en-US", 14, 0));
        assert_eq!(clock_time(locale("nl"), 14, 0), "14:00");
        super::super::set_area_tags(&[]);
        assert_eq!(clock_time(english, 14, 0), "14:00");
        for tag in ["nb", "el", "bg", "es"] {
            assert_eq!(
                clock_time(locale(tag), 18, 5),
                expected(tag, 18, 5),
                "{tag}"
            );
        }
    }

    #[wasm_bindgen_test]
    fn plural_categories_come_from_the_language() {
        // (language, count, category index: zero one two few many other)
        let cases = [
            ("en", 1.0, 1),
            ("en", 0.0, 5),
            ("en", 2.0, 5),
            ("bg", 1.0, 1),
            ("el", 3.0, 5),
            ("es", 1.0, 1),
            ("es", 1_000_000.0, 4),
            ("nb", 1.0, 1),
        ];
        for (tag, count, expected) in cases {
            assert_eq!(
                plural_category(locale(tag), count),
                expected,
                "{tag} {count}"
            );
        }
    }
}
