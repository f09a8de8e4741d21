//! The core's `Repository` on IndexedDB.
//!
//! Each store holds envelope objects (see `genie_core::schema`) under out-of-line string keys.
//! Envelopes cross as JSON text and are parsed into plain JS objects, so what the browser
//! holds is readable in its developer tools and indexable by top-level fields.

use std::cell::RefCell;
use std::future::Future;
use std::pin::Pin;

use genie_core::store::{Repository, Store, StoreError, Write, DB_VERSION};
use indexed_db_futures::database::{Database, VersionChangeEvent};
use indexed_db_futures::prelude::*;
use indexed_db_futures::transaction::TransactionMode;
use indexed_db_futures::KeyPath;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// A request already sent inside a transaction, awaited only to learn why a batch failed.
type PendingRequest = Pin<Box<dyn Future<Output = Result<(), StoreError>>>>;

/// A connection to the app's IndexedDB database.
pub struct IndexedDbRepository {
    db: Database,
    /// A second, idle connection that only listens for `versionchange` (see
    /// [`IndexedDbRepository::watch_version_changes`]).
    watcher: RefCell<Option<web_sys::IdbDatabase>>,
}

impl IndexedDbRepository {
    /// Opens (creating or upgrading) the database `name` at today's layout version.
    /// `on_blocked` is called if another tab holds an older version open; the open then
    /// waits until that tab lets go.
    pub async fn open(name: &str, on_blocked: impl FnOnce() + 'static) -> Result<Self, StoreError> {
        let db = Database::open(name)
            .with_version(DB_VERSION)
            .with_on_upgrade_needed(upgrade)
            .with_on_blocked(move |_event| {
                on_blocked();
                Ok(())
            })
            .await
            .map_err(open_error)?;
        Ok(IndexedDbRepository {
            db,
            watcher: RefCell::new(None),
        })
    }

    /// Closes the connection. Later calls fail, as they do when the browser closes it.
    pub fn close(&self) {
        self.db.clone().close();
        if let Some(watcher) = self.watcher.borrow_mut().take() {
            watcher.close();
        }
    }

    /// Calls `on_change` once when another tab wants to upgrade the database (a newer version
    /// of the app opened; the new version number is passed) or to delete it (`None`). The
    /// other tab waits until every connection closes, so `on_change` must close this
    /// repository (and write nothing more with the old layout).
    ///
    /// The event reaches every open connection. `indexed_db_futures` keeps its own listener
    /// behind a feature we do without, so a second idle connection listens for us.
    ///
    /// `on_lost` is called if the browser closes the connection itself: the site's data was
    /// cleared while the app was open.
    pub async fn watch_version_changes(
        &self,
        on_change: impl FnOnce(Option<f64>) + 'static,
        on_lost: impl FnOnce() + 'static,
    ) -> Result<(), StoreError> {
        let unavailable = |_| StoreError::Unavailable("cannot watch for version changes".into());
        let factory = web_sys::window()
            .and_then(|w| w.indexed_db().ok().flatten())
            .ok_or(StoreError::Unavailable("no IndexedDB".into()))?;
        let request = factory
            .open_with_u32(&self.db.name(), DB_VERSION)
            .map_err(unavailable)?;
        let opened = js_sys::Promise::new(&mut |resolve, reject| {
            let done = request.clone();
            let on_success = Closure::once_into_js(move || {
                let _ = resolve.call1(&JsValue::NULL, &done.result().unwrap_or(JsValue::NULL));
            });
            let on_error = Closure::once_into_js(move || {
                let _ = reject.call0(&JsValue::NULL);
            });
            // The database vanished between the two opens: do not create it from here.
            let upgrading = request.clone();
            let on_upgrade = Closure::once_into_js(move || {
                if let Some(tx) = upgrading.transaction() {
                    let _ = tx.abort();
                }
            });
            request.set_onsuccess(Some(on_success.unchecked_ref()));
            request.set_onerror(Some(on_error.unchecked_ref()));
            request.set_onupgradeneeded(Some(on_upgrade.unchecked_ref()));
        });
        let watcher: web_sys::IdbDatabase = JsFuture::from(opened)
            .await
            .map_err(unavailable)?
            .dyn_into()
            .map_err(unavailable)?;
        let closing = watcher.clone();
        let on_version_change =
            Closure::once_into_js(move |event: web_sys::IdbVersionChangeEvent| {
                closing.close();
                on_change(event.new_version());
            });
        watcher.set_onversionchange(Some(on_version_change.unchecked_ref()));
        // `close` fires only when the browser closes a connection, never on our own close().
        let on_close = Closure::once_into_js(on_lost);
        watcher.set_onclose(Some(on_close.unchecked_ref()));
        *self.watcher.borrow_mut() = Some(watcher);
        Ok(())
    }

    /// Deletes the database `name` and everything in it. Waits while any tab still holds a
    /// connection; tabs of this app close theirs when asked (see
    /// [`IndexedDbRepository::watch_version_changes`]).
    pub async fn delete(name: &str) -> Result<(), StoreError> {
        Database::delete_by_name(name)
            .map_err(|e| StoreError::Unavailable(e.to_string()))?
            .await
            .map_err(failure)
    }
}

/// Creates whatever stores and indexes the old version lacked. Records are not rewritten
/// here: they are migrated when read (see `genie_core::schema`).
fn upgrade(event: VersionChangeEvent, db: Database) -> indexed_db_futures::Result<()> {
    let old = event.old_version() as u32;
    for store in Store::ALL {
        if store.since() <= old {
            continue;
        }
        let object_store = db.create_object_store(store.name()).build()?;
        for (index, field) in store.unique_indexes() {
            object_store
                .create_index(*index, KeyPath::One(*field))
                .with_unique(true)
                .build()?;
        }
    }
    Ok(())
}

impl Repository for IndexedDbRepository {
    async fn get(&self, store: Store, key: &str) -> Result<Option<String>, StoreError> {
        let tx = self.db.transaction(store.name()).build().map_err(failure)?;
        let object_store = tx.object_store(store.name()).map_err(failure)?;
        let value: Option<JsValue> = object_store
            .get(key)
            .primitive()
            .map_err(failure)?
            .await
            .map_err(failure)?;
        value.map(to_json).transpose()
    }

    async fn all(&self, store: Store) -> Result<Vec<String>, StoreError> {
        let tx = self.db.transaction(store.name()).build().map_err(failure)?;
        let object_store = tx.object_store(store.name()).map_err(failure)?;
        let values: Vec<JsValue> = object_store
            .get_all()
            .primitive()
            .map_err(failure)?
            .await
            .map_err(failure)?
            .collect::<Result<_, _>>()
            .map_err(failure)?;
        values.into_iter().map(to_json).collect()
    }

    async fn holds_nothing(&self) -> Result<bool, StoreError> {
        let names: Vec<&str> = Store::ALL.iter().map(|s| s.name()).collect();
        let tx = self.db.transaction(names).build().map_err(failure)?;
        for store in Store::ALL {
            let object_store = tx.object_store(store.name()).map_err(failure)?;
            let count: u32 = object_store
                .count()
                .primitive()
                .map_err(failure)?
                .await
                .map_err(failure)?;
            if count > 0 {
                return Ok(false);
            }
        }
        Ok(true)
    }

    async fn write(&self, batch: Vec<Write>) -> Result<(), StoreError> {
        if batch.is_empty() {
            return Ok(());
        }
        let mut names: Vec<&str> = batch.iter().map(|w| w.store().name()).collect();
        names.sort_unstable();
        names.dedup();

        let tx = self
            .db
            .transaction(names)
            .with_mode(TransactionMode::Readwrite)
            .build()
            .map_err(failure)?;
        // Requests go out as they are built; if any fails the transaction aborts, and an
        // un-committed transaction rolls back, so the batch lands whole or not at all.
        let mut requests: Vec<PendingRequest> = Vec::with_capacity(batch.len());
        for write in &batch {
            match write {
                Write::Put {
                    store,
                    key,
                    envelope,
                } => {
                    let value = js_sys::JSON::parse(envelope)
                        .map_err(|_| StoreError::Failed("envelope is not JSON".into()))?;
                    let request = tx
                        .object_store(store.name())
                        .map_err(failure)?
                        .put(value)
                        .with_key(key.as_str())
                        .primitive()
                        .map_err(failure)?;
                    requests.push(Box::pin(
                        async move { request.await.map(drop).map_err(failure) },
                    ));
                }
                Write::Delete { store, key } => {
                    let request = tx
                        .object_store(store.name())
                        .map_err(failure)?
                        .delete(key.as_str())
                        .primitive()
                        .map_err(failure)?;
                    requests.push(Box::pin(async move { request.await.map_err(failure) }));
                }
                Write::DeletePrefix { store, prefix } => {
                    // Every string key that starts with `prefix` sorts below prefix + U+FFFF.
                    let upper = format!("{prefix}\u{ffff}");
                    let request = tx
                        .object_store(store.name())
                        .map_err(failure)?
                        .delete(prefix.as_str()..upper.as_str())
                        .primitive()
                        .map_err(failure)?;
                    requests.push(Box::pin(async move { request.await.map_err(failure) }));
                }
            }
        }
        match tx.commit().await {
            Ok(()) => Ok(()),
            // The commit only says "aborted"; the failed request says why.
            Err(abort) => {
                for request in requests {
                    request.await?;
                }
                Err(failure(abort))
            }
        }
    }
}

/// Turns a stored JS object back into envelope JSON text.
fn to_json(value: JsValue) -> Result<String, StoreError> {
    js_sys::JSON::stringify(&value)
        .ok()
        .and_then(|s| s.as_string())
        .ok_or_else(|| StoreError::Failed("stored value cannot be read as JSON".into()))
}

/// Names the failures the person can act on; the rest are reported as they came.
fn failure(error: impl Into<indexed_db_futures::error::Error>) -> StoreError {
    use indexed_db_futures::error::{DomException, Error};
    match error.into() {
        Error::DomException(DomException::ConstraintError(e)) => {
            StoreError::Constraint(e.message())
        }
        Error::DomException(DomException::InvalidStateError(e)) => {
            StoreError::Unavailable(e.message())
        }
        Error::DomException(e) if dom_name(&e) == "QuotaExceededError" => StoreError::Full,
        other => StoreError::Failed(other.to_string()),
    }
}

fn open_error(error: indexed_db_futures::error::OpenDbError) -> StoreError {
    use indexed_db_futures::error::{DomException, Error, OpenDbError};
    match error {
        OpenDbError::Base(Error::DomException(e)) if dom_name(&e) == "VersionError" => {
            StoreError::NewerDatabase
        }
        OpenDbError::Base(Error::DomException(DomException::ConstraintError(e))) => {
            StoreError::Constraint(e.message())
        }
        other => StoreError::Unavailable(other.to_string()),
    }
}

/// The exception's name, such as "QuotaExceededError".
fn dom_name(error: &indexed_db_futures::error::DomException) -> String {
    web_sys::DomException::from(error.clone()).name()
}
