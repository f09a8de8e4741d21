//! Strategies shared by the property tests: arbitrary JSON, and ways of damaging a good file.
//! Included by the `prop_*` tests with `#[path]`; on its own it holds no tests.

#![allow(dead_code)]

use proptest::prelude::*;
use serde_json::{Map, Number, Value};

/// Enough cases to find the odd input, few enough to keep the suite quick.
pub fn config() -> ProptestConfig {
    ProptestConfig {
        cases: 256,
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

/// Any JSON value, a few levels deep, with numbers and strings that tend to upset parsers.
pub fn json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        any::<f64>().prop_map(|f| Number::from_f64(f).map_or(Value::Null, Value::Number)),
        prop_oneof![Just(-1i64), Just(0), Just(1), Just(2), Just(99)].prop_map(Value::from),
        ".{0,12}".prop_map(Value::String),
        word().prop_map(Value::String),
    ];
    leaf.prop_recursive(4, 48, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::vec((key(), inner), 0..6)
                .prop_map(|pairs| Value::Object(pairs.into_iter().collect::<Map<_, _>>())),
        ]
    })
}

/// Words and keys our formats use, so generated JSON sometimes looks nearly right.
pub fn word() -> impl Strategy<Value = String> {
    prop::sample::select(vec![
        "genie_backup",
        "genie_backup_encrypted",
        "schema",
        "data",
        "records",
        "waves",
        "profile",
        "person",
        "inner",
        "friend",
        "version",
        "places",
        "resources",
        "local",
        "free",
        "tue",
        "2025-01-02",
        "MB1 2AB",
        "",
    ])
    .prop_map(String::from)
}

fn key() -> impl Strategy<Value = String> {
    prop_oneof![word(), "[a-z_]{1,8}"]
}

/// Every path (as a JSON pointer) to a value inside `root`, the root included.
pub fn pointers(root: &Value) -> Vec<String> {
    fn walk(value: &Value, here: String, out: &mut Vec<String>) {
        match value {
            Value::Array(items) => {
                for (i, item) in items.iter().enumerate() {
                    walk(item, format!("{here}/{i}"), out);
                }
            }
            Value::Object(fields) => {
                for (k, item) in fields {
                    let k = k.replace('~', "~0").replace('/', "~1");
                    walk(item, format!("{here}/{k}"), out);
                }
            }
            _ => {}
        }
        out.push(here);
    }
    let mut out = Vec::new();
    walk(root, String::new(), &mut out);
    out
}

/// One change to a JSON document: replace the value at one path with another value.
pub fn replace_somewhere(root: &Value, which: usize, with: Value) -> Value {
    let mut root = root.clone();
    let paths = pointers(&root);
    if let Some(path) = paths.get(which % paths.len().max(1)) {
        if let Some(slot) = root.pointer_mut(path) {
            *slot = with;
        }
    }
    root
}

/// One change to a text: cut it short, drop a piece, insert some characters, or swap a byte.
#[derive(Debug, Clone)]
pub enum TextEdit {
    Truncate(usize),
    Remove(usize, usize),
    Insert(usize, String),
    SwapByte(usize, u8),
}

pub fn text_edit() -> impl Strategy<Value = TextEdit> {
    prop_oneof![
        any::<usize>().prop_map(TextEdit::Truncate),
        (any::<usize>(), 1usize..40).prop_map(|(at, len)| TextEdit::Remove(at, len)),
        (any::<usize>(), ".{1,6}").prop_map(|(at, s)| TextEdit::Insert(at, s)),
        (any::<usize>(), 0x20u8..0x7f).prop_map(|(at, b)| TextEdit::SwapByte(at, b)),
    ]
}

pub fn apply(text: &str, edit: &TextEdit) -> String {
    let boundary = |at: usize| {
        let at = at % (text.len() + 1);
        (0..=at)
            .rev()
            .find(|&i| text.is_char_boundary(i))
            .unwrap_or(0)
    };
    match edit {
        TextEdit::Truncate(at) => text[..boundary(*at)].to_string(),
        TextEdit::Remove(at, len) => {
            let start = boundary(*at);
            let end = boundary(start.saturating_add(*len).min(text.len()));
            format!("{}{}", &text[..start], &text[end.max(start)..])
        }
        TextEdit::Insert(at, s) => {
            let at = boundary(*at);
            format!("{}{s}{}", &text[..at], &text[at..])
        }
        TextEdit::SwapByte(at, b) => {
            let at = boundary(*at);
            let mut out = text[..at].to_string();
            out.push(char::from(*b));
            let rest = &text[at..];
            let mut chars = rest.chars();
            chars.next();
            out.push_str(chars.as_str());
            out
        }
    }
}
