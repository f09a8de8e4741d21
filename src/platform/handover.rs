//! What a hand-over keeps in the browser between page loads, all under Genie's own `genie-`
//! keys in local storage (so "delete everything" removes it): the codes read so far (still
//! encrypted), the hand-overs already taken in, the wrong codes typed in a row, and the mark
//! of an open supporter session.
//! Also reading a hand-over link from the address and taking it out of the address bar and
//! the history at once.

use genie_core::handover::{Attempts, Gathered, Part, PartError, SupporterSession, UsedIds};

const GATHERED_KEY: &str = "genie-handover-parts";
const USED_KEY: &str = "genie-handover-used";
const SUPPORTER_KEY: &str = "genie-supporter";
const ATTEMPTS_KEY: &str = "genie-handover-attempts";
/// Where a hand-over link leaves the person once it is read.
pub const RECEIVE_HASH: &str = "#/receive";

fn local() -> Option<web_sys::Storage> {
    web_sys::window().and_then(|w| w.local_storage().ok().flatten())
}

fn get(key: &str) -> Option<String> {
    local().and_then(|s| s.get_item(key).ok().flatten())
}

fn set(key: &str, value: &str) {
    if let Some(storage) = local() {
        let _ = storage.set_item(key, value);
    }
}

fn remove(key: &str) {
    if let Some(storage) = local() {
        let _ = storage.remove_item(key);
    }
}

/// If the address is a hand-over link, replaces it (in the address bar and in the history)
/// with the receiving page and gives the part read. `None` for an ordinary address.
pub fn take_from_address() -> Option<Result<Part, PartError>> {
    let hash = super::current_hash();
    if !Part::is_handover(&hash) {
        return None;
    }
    if let Some(window) = web_sys::window() {
        let replaced = window.history().ok().is_some_and(|history| {
            history
                .replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(RECEIVE_HASH))
                .is_ok()
        });
        if !replaced {
            let _ = window.location().replace(RECEIVE_HASH);
        }
    }
    Part::parse(&hash)
}

/// The parts of the hand-over being gathered, if any.
pub fn gathered() -> Option<Gathered> {
    get(GATHERED_KEY).and_then(|text| Gathered::from_json(&text))
}

pub fn keep_gathered(gathered: &Gathered) {
    set(GATHERED_KEY, &gathered.to_json());
}

pub fn forget_gathered() {
    remove(GATHERED_KEY);
}

/// Whether `key` is where the gathered parts live (a `storage` event from another tab).
pub fn is_gathered_key(key: &str) -> bool {
    key == GATHERED_KEY
}

pub fn used() -> UsedIds {
    get(USED_KEY)
        .map(|text| UsedIds::from_json(&text))
        .unwrap_or_default()
}

pub fn mark_used(id: &str) {
    let mut used = used();
    used.add(id);
    set(USED_KEY, &used.to_json());
}

/// The wrong codes typed in a row on this device.
pub fn attempts() -> Attempts {
    get(ATTEMPTS_KEY)
        .map(|text| Attempts::from_json(&text))
        .unwrap_or_default()
}

pub fn keep_attempts(attempts: &Attempts) {
    set(ATTEMPTS_KEY, &attempts.to_json());
}

pub fn forget_attempts() {
    remove(ATTEMPTS_KEY);
}

/// The open supporter session on this device, if any.
pub fn supporter() -> Option<SupporterSession> {
    get(SUPPORTER_KEY).and_then(|text| serde_json::from_str(&text).ok())
}

pub fn start_supporter(session: SupporterSession) {
    if let Ok(text) = serde_json::to_string(&session) {
        set(SUPPORTER_KEY, &text);
    }
}

/// The site's own address without the fragment, for the links in the codes.
pub fn site_address() -> String {
    web_sys::window()
        .and_then(|w| w.location().href().ok())
        .map(|href| href.split('#').next().unwrap_or_default().to_string())
        .unwrap_or_default()
}
