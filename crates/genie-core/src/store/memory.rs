//! A repository that lives in memory: for tests, and for a session in a browser that refuses
//! to store anything (the person is told their changes will not be kept).

use std::cell::RefCell;
use std::collections::BTreeMap;

use super::{envelope_field, Repository, Store, StoreError, Write};

/// Keeps envelopes in ordered maps, one per store, with the same unique-index rules and the
/// same all-or-nothing batches as the browser database.
#[derive(Debug, Default)]
pub struct MemoryRepository {
    stores: RefCell<BTreeMap<Store, BTreeMap<String, String>>>,
    fail_writes: RefCell<Option<StoreError>>,
}

impl MemoryRepository {
    pub fn new() -> Self {
        Self::default()
    }

    /// Makes every later write fail with `error` (or succeed again with `None`), to test how
    /// callers handle a failing device.
    pub fn fail_writes_with(&self, error: Option<StoreError>) {
        *self.fail_writes.borrow_mut() = error;
    }

    /// How many records `store` holds.
    pub fn len(&self, store: Store) -> usize {
        self.stores.borrow().get(&store).map_or(0, BTreeMap::len)
    }

    pub fn is_empty(&self) -> bool {
        self.stores.borrow().values().all(BTreeMap::is_empty)
    }
}

impl Repository for MemoryRepository {
    async fn get(&self, store: Store, key: &str) -> Result<Option<String>, StoreError> {
        Ok(self
            .stores
            .borrow()
            .get(&store)
            .and_then(|records| records.get(key).cloned()))
    }

    async fn all(&self, store: Store) -> Result<Vec<String>, StoreError> {
        Ok(self
            .stores
            .borrow()
            .get(&store)
            .map(|records| records.values().cloned().collect())
            .unwrap_or_default())
    }

    async fn holds_nothing(&self) -> Result<bool, StoreError> {
        Ok(self.is_empty())
    }

    async fn write(&self, batch: Vec<Write>) -> Result<(), StoreError> {
        if let Some(error) = self.fail_writes.borrow().clone() {
            return Err(error);
        }
        // Work on a copy and swap it in only if every write succeeded.
        let mut next = self.stores.borrow().clone();
        for write in batch {
            match write {
                Write::Put {
                    store,
                    key,
                    envelope,
                } => {
                    let records = next.entry(store).or_default();
                    for (index, field) in store.unique_indexes() {
                        let Some(value) = envelope_field(&envelope, field) else {
                            continue;
                        };
                        let clash = records.iter().any(|(other_key, other)| {
                            *other_key != key && envelope_field(other, field) == Some(value.clone())
                        });
                        if clash {
                            return Err(StoreError::Constraint(format!(
                                "{} index {index}",
                                store.name()
                            )));
                        }
                    }
                    records.insert(key, envelope);
                }
                Write::Delete { store, key } => {
                    next.entry(store).or_default().remove(&key);
                }
                Write::DeletePrefix { store, prefix } => {
                    next.entry(store)
                        .or_default()
                        .retain(|key, _| !key.starts_with(&prefix));
                }
            }
        }
        *self.stores.borrow_mut() = next;
        Ok(())
    }
}
