//! Hand-over state shared by the pages: whether a supporter session is open on this device
//! (and erasing it once it has been open too long), and the codes read so far on a receiving
//! device, kept across page loads since each code a camera reads opens a new page.

use genie_core::handover::{self, GatherError, Gathered, PartError, SupporterSession};
use leptos::prelude::*;
use leptos::task::spawn_local;

use super::area_state::AreaState;
use super::route::Route;
use crate::platform::{self, handover as kept};
use crate::session::Session;

/// The supporter session open on this device, if any.
#[derive(Clone, Copy)]
pub struct Supporter {
    pub session: RwSignal<Option<SupporterSession>>,
}

impl Supporter {
    /// Reads the mark and, once storage and the area's settings are read, erases a session
    /// left open longer than the area allows.
    pub fn provide(state: Session, area: AreaState) -> Supporter {
        let supporter = Supporter {
            session: RwSignal::new(kept::supporter()),
        };
        provide_context(supporter);
        let checked = StoredValue::new(false);
        Effect::new(move |_| {
            if checked.get_value() || !state.is_ready() || !area.settings_read.get() {
                return;
            }
            checked.set_value(true);
            let Some(open) = supporter.session.get_untracked() else {
                return;
            };
            let hours = area.settings.with_untracked(|s| s.supporter_hours());
            if handover::expired(open.started_at, platform::now(), hours) {
                spawn_local(async move {
                    if state.erase_everything().await.is_ok() {
                        platform::reload_at(&Route::Erased { expired: true }.href());
                    }
                });
            }
        });
        supporter
    }

    pub fn expect() -> Supporter {
        expect_context::<Supporter>()
    }

    pub fn start(self) {
        let session = SupporterSession {
            started_at: platform::now(),
        };
        kept::start_supporter(session);
        self.session.set(Some(session));
    }

    pub fn is_open(self) -> bool {
        self.session.with(Option::is_some)
    }
}

/// Why the code just read was not taken.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refused {
    Used,
    Damaged,
    Newer,
    Mismatch,
}

/// The codes read so far on this device.
#[derive(Clone, Copy)]
pub struct Inbox {
    pub gathered: RwSignal<Option<Gathered>>,
    pub refused: RwSignal<Option<Refused>>,
}

impl Inbox {
    /// Takes a hand-over link out of the address, if there is one, and follows the codes
    /// other tabs read.
    pub fn provide() -> Inbox {
        let inbox = Inbox {
            gathered: RwSignal::new(kept::gathered()),
            refused: RwSignal::new(None),
        };
        provide_context(inbox);
        inbox.take_from_address();
        let handle = window_event_listener(leptos::ev::storage, move |ev| {
            if ev.key().is_some_and(|key| kept::is_gathered_key(&key)) {
                inbox.gathered.set(kept::gathered());
            }
        });
        on_cleanup(move || handle.remove());
        inbox
    }

    pub fn expect() -> Inbox {
        expect_context::<Inbox>()
    }

    /// Reads a hand-over link from the address (and replaces it there): a new code is kept
    /// with the others; a used, damaged or foreign one is refused and changes nothing.
    pub fn take_from_address(self) {
        let Some(read) = kept::take_from_address() else {
            return;
        };
        let refused = match read {
            Err(PartError::Newer) => Some(Refused::Newer),
            Err(PartError::Damaged) => Some(Refused::Damaged),
            Ok(part) if kept::used().contains(&part.id) => Some(Refused::Used),
            Ok(part) => {
                let next = match kept::gathered() {
                    Some(gathered) => gathered.with(part),
                    None => Ok(Gathered::new(part)),
                };
                match next {
                    Ok(next) => {
                        kept::keep_gathered(&next);
                        self.gathered.set(Some(next));
                        None
                    }
                    Err(GatherError::Mismatch) => Some(Refused::Mismatch),
                }
            }
        };
        self.refused.set(refused);
    }

    /// After the hand-over was kept: remember it as used and forget its codes.
    pub fn finish(self, id: &str) {
        kept::mark_used(id);
        kept::forget_gathered();
        self.gathered.set(None);
    }
}
