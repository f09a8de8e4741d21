//! Where the person's data is kept: IndexedDB on their device, or memory for this session
//! only when the browser refuses storage. The sole user of `indexed_db_futures`.

mod idb;

use genie_core::store::{MemoryRepository, Repository, Store, StoreError, Write};

pub use idb::IndexedDbRepository;

/// The repository the app uses, chosen once at start.
pub enum AppRepository {
    /// Saved on the device, kept between visits.
    Device(IndexedDbRepository),
    /// Kept in memory for this session only; the person has been told why.
    Session(MemoryRepository),
}

impl AppRepository {
    /// Opens the device database, falling back to memory if the browser will not give us one.
    /// The error says why the fallback was needed. `on_blocked` is called if the database
    /// must be upgraded while another tab holds it open; opening then waits for that tab.
    pub async fn open(on_blocked: impl FnOnce() + 'static) -> (AppRepository, Option<StoreError>) {
        match IndexedDbRepository::open(genie_core::store::DB_NAME, on_blocked).await {
            Ok(repo) => (AppRepository::Device(repo), None),
            Err(error) => (AppRepository::Session(MemoryRepository::new()), Some(error)),
        }
    }

    pub fn is_session_only(&self) -> bool {
        matches!(self, AppRepository::Session(_))
    }

    /// Closes the connection, for good.
    pub fn close(&self) {
        if let AppRepository::Device(repo) = self {
            repo.close();
        }
    }

    /// Deletes everything kept on the device: closes this connection, then deletes the whole
    /// database. Nothing can be written through this repository afterwards.
    pub async fn erase(&self) -> Result<(), StoreError> {
        self.close();
        IndexedDbRepository::delete(genie_core::store::DB_NAME).await
    }
}

impl Repository for AppRepository {
    async fn get(&self, store: Store, key: &str) -> Result<Option<String>, StoreError> {
        match self {
            AppRepository::Device(repo) => repo.get(store, key).await,
            AppRepository::Session(repo) => repo.get(store, key).await,
        }
    }

    async fn all(&self, store: Store) -> Result<Vec<String>, StoreError> {
        match self {
            AppRepository::Device(repo) => repo.all(store).await,
            AppRepository::Session(repo) => repo.all(store).await,
        }
    }

    async fn write(&self, batch: Vec<Write>) -> Result<(), StoreError> {
        match self {
            AppRepository::Device(repo) => repo.write(batch).await,
            AppRepository::Session(repo) => repo.write(batch).await,
        }
    }

    async fn holds_nothing(&self) -> Result<bool, StoreError> {
        match self {
            AppRepository::Device(repo) => repo.holds_nothing().await,
            AppRepository::Session(repo) => repo.holds_nothing().await,
        }
    }
}
