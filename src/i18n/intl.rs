//! Numbers, prices, dates, lists and plural categories in the person's language, from the
//! browser's own `Intl` through js-sys: no locale data is compiled into the app.

use std::cell::RefCell;

use js_sys::{Array, Intl, Object, Reflect};
use wasm_bindgen::JsValue;

use super::Locale;

thread_local! {
    static PLURALS: RefCell<Vec<(Locale, Intl::PluralRules)>> = const { RefCell::new(Vec::new()) };
    static NUMBERS: RefCell<Vec<(Locale, Intl::NumberFormat)>> = const { RefCell::new(Vec::new()) };
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
    let array: Array = items.iter().map(|s| JsValue::from_str(s)).collect();
    let format = Intl::ListFormat::new(
        &locales(locale),
        &options(&[("type", JsValue::from_str("conjunction"))]),
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

fn call_format(format: &js_sys::Function, value: &JsValue) -> Option<String> {
    format
        .call1(&JsValue::NULL, value)
        .ok()
        .and_then(|v| v.as_string())
}
