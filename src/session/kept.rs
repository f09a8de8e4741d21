//! One kind of stored record mirrored on screen: its signal, and whether it was read and so
//! may be written.
//!
//! The rule that keeps data safe lives here, once for every kind: a record is written only
//! after it was read. A record that could not be read (damaged, from a newer app) or has not
//! been read yet (a read failed) is never overwritten by what the screen holds, which would be
//! defaults.

use genie_core::store::StoreError;
use leptos::prelude::*;

/// Whether a record kind was read from storage.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Access {
    /// Not read yet: read-only.
    NotRead,
    /// Read: the screen shows what is stored, and changes may be written.
    Read,
    /// Stored, but this app cannot read it: left untouched, read-only.
    Unreadable,
}

/// Why a record kind could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReadFault {
    /// The record is there but cannot be decoded (damaged, or from a newer app).
    Unreadable,
    /// The device failed to read.
    Store(StoreError),
}

/// A record kind's value on screen and its access.
pub struct Kept<T: Send + Sync + 'static> {
    value: RwSignal<T>,
    access: RwSignal<Access>,
}

impl<T: Send + Sync + 'static> Clone for Kept<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T: Send + Sync + 'static> Copy for Kept<T> {}

impl<T: Clone + PartialEq + Send + Sync + 'static> Kept<T> {
    pub fn new(initial: T) -> Self {
        Kept {
            value: RwSignal::new(initial),
            access: RwSignal::new(Access::NotRead),
        }
    }

    /// The value, for the screen.
    pub fn signal(self) -> ReadSignal<T> {
        self.value.read_only()
    }

    /// Whether changes may be stored.
    pub fn writable(self) -> bool {
        self.access.get_untracked() == Access::Read
    }

    /// Takes what a read found. A good read replaces the value (only if it differs, so a
    /// reload that finds nothing new moves no cursor) and makes the kind writable; an
    /// unreadable record makes it read-only; a failed read changes nothing, so a kind that was
    /// never read stays read-only. Returns the fault, if any.
    pub fn take(self, read: Result<T, ReadFault>) -> Option<ReadFault> {
        match read {
            Ok(value) => {
                replace(self.value, value);
                self.access.set(Access::Read);
                None
            }
            Err(ReadFault::Unreadable) => {
                self.access.set(Access::Unreadable);
                Some(ReadFault::Unreadable)
            }
            Err(fault) => Some(fault),
        }
    }

    /// Changes the value on screen, and returns a copy of the new value when it may be stored.
    pub fn change(self, change: impl FnOnce(&mut T)) -> Option<T> {
        self.value.update(change);
        self.writable().then(|| self.value.get_untracked())
    }

    /// Changes the value on screen, and says whether it may be stored (for a change that is
    /// stored as something smaller than the whole value).
    pub fn change_in_place(self, change: impl FnOnce(&mut T)) -> bool {
        self.value.update(change);
        self.writable()
    }

    /// Changes the value on screen only, for something stored another way (taking stock
    /// stores the closed map together with the next).
    pub fn change_on_screen(self, change: impl FnOnce(&mut T)) {
        self.value.update(change);
    }

    pub fn get(self) -> T {
        self.value.get_untracked()
    }

    pub fn with<R>(self, f: impl FnOnce(&T) -> R) -> R {
        self.value.with_untracked(f)
    }

    /// Replaces the value on screen (a new map after taking stock).
    pub fn set(self, value: T) {
        replace(self.value, value);
    }
}

/// Sets a signal only when the value differs, so a reload that finds nothing new changes
/// nothing on screen (and moves no cursor in a field being typed in).
fn replace<T: PartialEq + Send + Sync + 'static>(signal: RwSignal<T>, value: T) {
    if signal.with_untracked(|current| *current != value) {
        signal.set(value);
    }
}
