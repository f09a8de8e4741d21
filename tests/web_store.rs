//! The IndexedDB repository in a real browser: the same contract as the in-memory one, plus
//! the things only a real database does (upgrades from an older layout, refusing a newer one,
//! rolling back a failed transaction).

#![cfg(target_arch = "wasm32")]

use genie::store::IndexedDbRepository;
use genie_core::model::*;
use genie_core::schema::Record;
use genie_core::store::{self, load, load_all, save, Repository, Store, StoreError, Write};
use indexed_db_futures::database::Database;
use indexed_db_futures::prelude::*;
use indexed_db_futures::transaction::TransactionMode;
use wasm_bindgen::JsValue;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// Each test gets its own database, deleted first in case an earlier run left it behind.
async fn fresh(name: &str) -> IndexedDbRepository {
    Database::delete_by_name(name)
        .expect("delete request")
        .await
        .expect("deleted");
    IndexedDbRepository::open(name, || {}).await.expect("opens")
}

fn profile(area: &str) -> Profile {
    Profile {
        area: area.into(),
        age_band: Some(AgeBand::From60To69),
        conditions: [Condition::Diabetes].into(),
        ..Profile::default()
    }
}

#[wasm_bindgen_test]
async fn writes_reads_updates_and_deletes() {
    let repo = fresh("test-crud").await;
    assert_eq!(load::<Profile>(&repo, "me").await, Ok(None));

    save(&repo, &profile("MB1 2AB")).await.expect("writes");
    assert_eq!(
        load::<Profile>(&repo, "me").await,
        Ok(Some(profile("MB1 2AB")))
    );

    save(&repo, &profile("Riverside")).await.expect("updates");
    assert_eq!(
        load::<Profile>(&repo, "me").await,
        Ok(Some(profile("Riverside")))
    );

    let mut wave = Wave::first(Timestamp(1));
    wave.network.add("Pat", MemberKind::Person, Circle::Inner);
    save(&repo, &wave).await.expect("writes a wave");
    let (waves, bad) = load_all::<Wave>(&repo).await.expect("reads all");
    assert_eq!((waves, bad), (vec![wave], vec![]));

    repo.write(vec![Write::delete::<Profile>("me")])
        .await
        .expect("deletes");
    assert_eq!(load::<Profile>(&repo, "me").await, Ok(None));
}

/// A first visit is told apart by a count, without reading (or fetching the code that reads)
/// any record; any record in any store, even a lone member edit, counts.
#[wasm_bindgen_test]
async fn holds_nothing_until_any_store_holds_a_record() {
    let repo = fresh("test-nothing").await;
    assert_eq!(repo.holds_nothing().await, Ok(true));
    let edit = MemberEdit {
        wave: WaveId(1),
        member: MemberId(1),
        change: MemberField::Name("Pat".into()),
    };
    repo.write(vec![Write::put(&edit)]).await.expect("writes");
    assert_eq!(repo.holds_nothing().await, Ok(false));
    repo.write(vec![Write::delete::<MemberEdit>(&edit.key())])
        .await
        .expect("deletes");
    assert_eq!(repo.holds_nothing().await, Ok(true));
    save(&repo, &profile("MB1 2AB")).await.expect("writes");
    assert_eq!(repo.holds_nothing().await, Ok(false));
    repo.close();
    assert!(
        repo.holds_nothing().await.is_err(),
        "a closed connection says it failed"
    );
}

#[wasm_bindgen_test]
async fn data_survives_closing_and_reopening() {
    let repo = fresh("test-reopen").await;
    save(&repo, &profile("Hillside")).await.expect("writes");
    repo.close();
    let again = IndexedDbRepository::open("test-reopen", || {})
        .await
        .expect("reopens");
    assert_eq!(
        load::<Profile>(&again, "me").await,
        Ok(Some(profile("Hillside")))
    );
}

#[wasm_bindgen_test]
async fn a_batch_that_fails_leaves_earlier_data_intact() {
    let repo = fresh("test-atomic").await;
    let first = Wave::first(Timestamp(0));
    repo.write(vec![Write::put(&profile("Old Town")), Write::put(&first)])
        .await
        .expect("first batch");

    // The profile change goes out first and succeeds on its own; the second open wave then
    // breaks the unique index, so the database must roll back the whole transaction.
    let mut second = first.clone();
    second.id = WaveId(2);
    let result = repo
        .write(vec![Write::put(&profile("New Town")), Write::put(&second)])
        .await;
    assert!(
        matches!(result, Err(StoreError::Constraint(_))),
        "{result:?}"
    );
    assert_eq!(
        load::<Profile>(&repo, "me").await,
        Ok(Some(profile("Old Town")))
    );
    let (waves, _) = load_all::<Wave>(&repo).await.expect("reads");
    assert_eq!(waves, vec![first]);
}

#[wasm_bindgen_test]
async fn a_write_on_a_closed_connection_fails_and_loses_nothing() {
    let repo = fresh("test-closed").await;
    save(&repo, &profile("Quayside")).await.expect("writes");
    let closed = IndexedDbRepository::open("test-closed", || {})
        .await
        .expect("second connection");
    closed.close();
    let result = save(&closed, &profile("Lost")).await;
    assert!(result.is_err(), "writing on a closed connection must fail");
    assert_eq!(
        load::<Profile>(&repo, "me").await,
        Ok(Some(profile("Quayside")))
    );
}

/// What the prototype (database version 1) left on a device: one `profile` store holding a
/// schema-1 record.
async fn write_prototype_database(name: &str) {
    Database::delete_by_name(name)
        .expect("delete request")
        .await
        .expect("deleted");
    let db = Database::open(name)
        .with_version(1u32)
        .with_on_upgrade_needed(|_, db| {
            db.create_object_store("profile").build()?;
            Ok(())
        })
        .await
        .expect("creates version 1");
    let tx = db
        .transaction("profile")
        .with_mode(TransactionMode::Readwrite)
        .build()
        .expect("tx");
    let old = r#"{"schema":1,"data":{"postcode":"MB4 9ZZ","age_band":"80-plus","gender":"man","condition":"COPD; macular degeneration","updated_at":1600000000000}}"#;
    let value = js_sys::JSON::parse(old).expect("json");
    tx.object_store("profile")
        .expect("store")
        .put(value)
        .with_key("me")
        .primitive()
        .expect("put");
    tx.commit().await.expect("commits");
    db.close();
}

#[wasm_bindgen_test]
async fn opens_and_migrates_data_written_by_the_prototype() {
    write_prototype_database("test-migrate").await;

    let repo = IndexedDbRepository::open("test-migrate", || {})
        .await
        .expect("upgrades");
    let migrated = load::<Profile>(&repo, "me")
        .await
        .expect("reads")
        .expect("kept");
    assert_eq!(migrated.area, "MB4 9ZZ");
    assert_eq!(migrated.age_band, Some(AgeBand::From80));
    assert_eq!(migrated.gender, Some(Gender::Man));
    assert_eq!(migrated.conditions, [Condition::Copd].into());
    assert_eq!(migrated.other_condition, "macular degeneration");

    // The prototype's profile counts as something stored.
    assert_eq!(repo.holds_nothing().await, Ok(false));

    // The stores added since version 1 exist and work, with their index.
    save(&repo, &Wave::first(Timestamp(5)))
        .await
        .expect("new store works");
    let mut second = Wave::first(Timestamp(6));
    second.id = WaveId(2);
    assert!(matches!(
        save(&repo, &second).await,
        Err(StoreError::Constraint(_))
    ));

    // Saving writes the record back at today's schema version.
    save(&repo, &migrated).await.expect("saves");
    let raw = repo
        .get(Store::Profile, "me")
        .await
        .expect("reads")
        .expect("there");
    assert!(raw.contains("\"schema\":2"), "{raw}");
}

#[wasm_bindgen_test]
async fn refuses_a_database_from_a_newer_version_of_the_app() {
    let name = "test-newer";
    Database::delete_by_name(name)
        .expect("delete request")
        .await
        .expect("deleted");
    let db = Database::open(name)
        .with_version(store::DB_VERSION + 1)
        .await
        .expect("creates a newer database");
    db.close();
    let result = IndexedDbRepository::open(name, || {}).await;
    assert!(
        matches!(result, Err(StoreError::NewerDatabase)),
        "{:?}",
        result.err()
    );
}

#[wasm_bindgen_test]
async fn records_are_stored_as_readable_objects() {
    let repo = fresh("test-shape").await;
    save(&repo, &profile("Dockside")).await.expect("writes");
    let db = Database::open("test-shape").await.expect("opens");
    let tx = db.transaction("profile").build().expect("tx");
    let value: Option<JsValue> = tx
        .object_store("profile")
        .expect("store")
        .get("me")
        .primitive()
        .expect("get")
        .await
        .expect("reads");
    let value = value.expect("stored");
    let schema = js_sys::Reflect::get(&value, &"schema".into()).expect("has schema");
    assert_eq!(schema.as_f64(), Some(2.0));
}

#[wasm_bindgen_test]
async fn a_prefix_delete_removes_only_keys_that_start_with_it() {
    let repo = fresh("test-prefix").await;
    let put = |key: &str| Write::Put {
        store: Store::MemberEdits,
        key: key.into(),
        envelope: r#"{"schema":1,"data":{}}"#.into(),
    };
    repo.write(vec![
        put("00000001/00000001/name"),
        put("00000001/00000002/notes"),
        put("00000002/00000001/name"),
    ])
    .await
    .expect("writes");
    repo.write(vec![Write::DeletePrefix {
        store: Store::MemberEdits,
        prefix: "00000001/".into(),
    }])
    .await
    .expect("deletes");
    let left = repo.all(Store::MemberEdits).await.expect("reads");
    assert_eq!(left.len(), 1, "only the other map's edit is left: {left:?}");
    repo.close();
}
