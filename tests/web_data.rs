//! The person's data in a real browser: a backup protected with a passphrase opens with that
//! passphrase and no other, a hand-over (compressed, encrypted, in parts) opens only with its
//! one-time code, and "delete everything" really leaves nothing in IndexedDB, even with
//! another tab's connection open, and no unsent drafts.

#![cfg(target_arch = "wasm32")]

use std::cell::Cell;
use std::rc::Rc;

use genie::platform::crypto::{self, CryptoError};
use genie::store::{AppRepository, IndexedDbRepository};
use genie_core::backup::{self, Encrypted, FileKind};
use genie_core::model::{Circle, MemberKind, Profile, Timestamp, Wave};
use genie_core::store::{load, load_all, save, DB_NAME};
use indexed_db_futures::database::Database;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const PLAIN: &str = "{\"genie_backup\":1,\"note\":\"Pat, Zoë, 漢字 and <img src=x>\"}";

#[wasm_bindgen_test]
async fn a_protected_backup_opens_with_its_passphrase() {
    let wrapped = crypto::encrypt(PLAIN, "three blind mice")
        .await
        .expect("encrypts");
    assert_eq!(wrapped.iterations, backup::ITERATIONS);

    // Through the saved file's text, as a restore reads it.
    let file = wrapped.to_json();
    assert_eq!(backup::detect(&file), FileKind::Encrypted);
    assert!(
        !file.contains("Pat"),
        "the names must not be readable in the file"
    );
    let read = Encrypted::parse(&file).expect("the wrapper reads back");
    assert_eq!(read, wrapped);
    assert_eq!(
        crypto::decrypt(&read, "three blind mice").await,
        Ok(PLAIN.to_string())
    );

    // Every backup gets its own salt and nonce.
    let again = crypto::encrypt(PLAIN, "three blind mice")
        .await
        .expect("encrypts again");
    assert_ne!(again.salt, wrapped.salt);
    assert_ne!(again.iv, wrapped.iv);
    assert_ne!(again.ciphertext, wrapped.ciphertext);
}

#[wasm_bindgen_test]
async fn a_wrong_passphrase_or_a_changed_file_does_not_open() {
    let wrapped = crypto::encrypt(PLAIN, "three blind mice")
        .await
        .expect("encrypts");
    assert_eq!(
        crypto::decrypt(&wrapped, "three blind mouse").await,
        Err(CryptoError::WrongPassphrase)
    );
    assert_eq!(
        crypto::decrypt(&wrapped, "").await,
        Err(CryptoError::WrongPassphrase)
    );
    let mut changed = wrapped.clone();
    if let Some(byte) = changed.ciphertext.first_mut() {
        *byte ^= 1;
    }
    assert_eq!(
        crypto::decrypt(&changed, "three blind mice").await,
        Err(CryptoError::WrongPassphrase)
    );
}

/// The names of the databases this origin holds.
async fn database_names() -> Vec<String> {
    let factory = web_sys::window()
        .expect("window")
        .indexed_db()
        .expect("indexedDB")
        .expect("indexedDB");
    let databases: js_sys::Function = js_sys::Reflect::get(&factory, &"databases".into())
        .expect("databases()")
        .unchecked_into();
    let list = JsFuture::from(
        databases
            .call0(&factory)
            .expect("databases() runs")
            .unchecked_into::<js_sys::Promise>(),
    )
    .await
    .expect("databases() answers");
    js_sys::Array::from(&list)
        .iter()
        .filter_map(|info| {
            js_sys::Reflect::get(&info, &JsValue::from_str("name"))
                .ok()?
                .as_string()
        })
        .collect()
}

#[wasm_bindgen_test]
async fn deleting_everything_empties_indexeddb_even_with_another_tab_open() {
    Database::delete_by_name(DB_NAME)
        .expect("delete request")
        .await
        .expect("deleted");
    let (repo, fallback) = AppRepository::open(|| {}).await;
    assert_eq!(fallback, None);
    let profile = Profile {
        area: "MB1 2AB".into(),
        ..Profile::default()
    };
    save(&repo, &profile).await.expect("saves the profile");
    let mut wave = Wave::first(Timestamp(1));
    wave.network.add("Pat", MemberKind::Person, Circle::Inner);
    save(&repo, &wave).await.expect("saves the map");

    // Another tab's connection, which steps aside when asked.
    let other = Rc::new(
        IndexedDbRepository::open(DB_NAME, || {})
            .await
            .expect("opens"),
    );
    let heard = Rc::new(Cell::new(None::<Option<f64>>));
    let (closing, told) = (other.clone(), heard.clone());
    other
        .watch_version_changes(
            move |new_version| {
                closing.close();
                told.set(Some(new_version));
            },
            || {},
        )
        .await
        .expect("watches");
    assert!(database_names().await.contains(&DB_NAME.to_string()));

    repo.erase().await.expect("erases");
    assert_eq!(
        heard.get(),
        Some(None),
        "the other tab heard of the deletion"
    );
    assert!(
        !database_names().await.contains(&DB_NAME.to_string()),
        "the database is gone"
    );

    // Opening again starts from nothing.
    let fresh = IndexedDbRepository::open(DB_NAME, || {})
        .await
        .expect("reopens");
    assert_eq!(load::<Profile>(&fresh, "me").await, Ok(None));
    let (waves, unreadable) = load_all::<Wave>(&fresh).await.expect("reads");
    assert!(waves.is_empty() && unreadable.is_empty());
    fresh.close();
}

#[wasm_bindgen_test]
fn deleting_everything_removes_drafts_and_leaves_other_session_storage_alone() {
    use genie::platform::drafts;
    let storage = web_sys::window()
        .and_then(|w| w.session_storage().ok().flatten())
        .expect("session storage");
    drafts::save("new-member-name", "Auntie Ro");
    drafts::save("new-dormant-activity", "Choir");
    storage
        .set_item("not-genie", "kept")
        .expect("writes a key of its own");
    assert_eq!(drafts::load("new-member-name"), "Auntie Ro");

    drafts::clear_all();

    assert_eq!(drafts::load("new-member-name"), "");
    assert_eq!(drafts::load("new-dormant-activity"), "");
    assert_eq!(
        storage.get_item("not-genie").ok().flatten().as_deref(),
        Some("kept")
    );
    let _ = storage.remove_item("not-genie");
}

#[wasm_bindgen_test]
fn deleting_everything_leaves_other_apps_local_storage_alone() {
    // A commissioner may host Genie in a sub-folder of a site whose other apps share its
    // local storage: only Genie's own keys go.
    let storage = web_sys::window()
        .and_then(|w| w.local_storage().ok().flatten())
        .expect("local storage");
    storage
        .set_item("genie-test-setting", "1")
        .expect("writes a setting of Genie's");
    storage
        .set_item("council-app-token", "kept")
        .expect("writes another app's key");

    genie::platform::storage::clear_settings();

    assert_eq!(storage.get_item("genie-test-setting").ok().flatten(), None);
    assert_eq!(
        storage
            .get_item("council-app-token")
            .ok()
            .flatten()
            .as_deref(),
        Some("kept")
    );
    let _ = storage.remove_item("council-app-token");
}

#[wasm_bindgen_test]
async fn a_hand_over_travels_compressed_and_encrypted_in_parts_and_opens_with_its_code() {
    use genie::platform::compress;
    use genie_core::handover::{inflate, split, Code, Frame, Gathered, InflateError, CODE_LEN};

    let text = PLAIN.repeat(80);
    let code = Code::from_random(crypto::random::<CODE_LEN>().expect("random"));
    let compressed = compress::deflate_raw(text.as_bytes())
        .await
        .expect("Chromium compresses");
    assert!(compressed.len() < text.len() / 4, "{}", compressed.len());
    let sealed = crypto::seal(&compressed, code.secret())
        .await
        .expect("seals");
    let parts = split(
        &Frame {
            compressed: true,
            sealed,
        },
        100,
    )
    .expect("fits");
    assert!(parts.len() > 1);
    let mut gathered = Gathered::new(parts[parts.len() - 1].clone());
    for part in parts.iter().rev().skip(1) {
        gathered = gathered.with(part.clone()).expect("same hand-over");
    }
    let frame = gathered.assemble().expect("complete").expect("sound");

    let other = Code::parse("ABCDE-12345").expect("code");
    assert_eq!(
        crypto::open(&frame.sealed, other.secret()).await,
        Err(CryptoError::WrongPassphrase)
    );
    let opened = crypto::open(&frame.sealed, code.secret())
        .await
        .expect("opens");
    // The browser's deflate-raw reads back in the core, which every phone runs.
    let plain = inflate(&opened).expect("inflates");
    assert_eq!(String::from_utf8(plain).expect("text"), text);
    assert_eq!(inflate(b"not deflate at all"), Err(InflateError::Damaged));
}
