//! Keeping the person's work when the browser may clear it: what this browser will do (the
//! core's `keeping` rules on facts from `platform::install`), a notice that says so once there
//! is something to lose, pictures of adding Genie to an iPhone's Home Screen, a safety net that
//! offers a copy at the end of a session, and the installed app's offer to open that copy.

mod bring_across;
mod notice;
mod pictures;
mod safety_net;

pub use bring_across::BringAcross;
pub use notice::{AdviceBody, KeepingHelp, KeepingNotice};
pub use safety_net::SafetyNet;

use genie_core::backup::{self, ExportError};
use genie_core::keeping::{assess, Advice, EngineFacts, Progress};
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::platform::{self, install};
use crate::session::Session;

/// What is known about keeping data in this browser, shared by the notice, "Your data" and the
/// safety net.
#[derive(Clone, Copy)]
pub struct Keeping {
    /// The browser's facts, once gathered (they take up to a few seconds).
    pub facts: RwSignal<Option<EngineFacts>>,
    /// The notice was put away.
    pub dismissed: RwSignal<bool>,
    /// When the last copy was saved on this device (milliseconds since 1970).
    pub last_copy: RwSignal<Option<i64>>,
    /// The browser's install prompt is waiting to be used.
    prompt: RwSignal<bool>,
}

impl Keeping {
    /// Gathers the facts and listens for the install prompt, for the whole app.
    pub fn provide() -> Keeping {
        let keeping = Keeping {
            facts: RwSignal::new(None),
            dismissed: RwSignal::new(install::notice_dismissed()),
            last_copy: RwSignal::new(install::last_copy_at()),
            prompt: RwSignal::new(install::install_prompt_offered()),
        };
        install::listen_for_install_prompt(move || {
            keeping.prompt.try_set(install::install_prompt_offered());
        });
        keeping.refresh();
        provide_context(keeping);
        keeping
    }

    pub fn expect() -> Keeping {
        expect_context::<Keeping>()
    }

    /// Asks the browser again (after it was asked to keep the data, say).
    pub fn refresh(self) {
        spawn_local(async move {
            let facts = install::facts().await;
            self.facts.try_set(Some(facts));
        });
    }

    /// The advice for this browser, once known.
    pub fn advice(self) -> Option<Advice> {
        let prompt = self.prompt.get();
        self.facts.get().map(|facts| {
            assess(EngineFacts {
                install_prompt: prompt,
                ..facts
            })
        })
    }

    /// Puts the notice away, or brings it back, and remembers that.
    pub fn set_dismissed(self, dismissed: bool) {
        install::set_notice_dismissed(dismissed);
        self.dismissed.set(dismissed);
    }

    /// Remembers that a backup was saved now.
    pub fn copy_saved(self) {
        let at = platform::now().0;
        install::record_copy(at);
        self.last_copy.try_set(Some(at));
    }

    /// Opens the browser's install prompt; afterwards it is used up.
    pub fn install(self) {
        install::show_install_prompt();
        self.prompt.set(install::install_prompt_offered());
    }
}

/// How far the person has got, read from what is stored.
pub fn progress(state: Session) -> Progress {
    Progress {
        about_you: state.profile.with(|p| !p.is_empty()),
        members: state.wave.with(|w| w.network.members.len()),
    }
}

/// Why a copy could not be saved.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CopyProblem {
    Nothing,
    Failed,
}

/// Saves a plain backup file (no passphrase: the quickest copy) and remembers when. Returns
/// the file's name.
pub async fn save_copy(state: Session, keeping: Keeping) -> Result<String, CopyProblem> {
    let export = state.make_backup().await.map_err(|error| match error {
        ExportError::Store(_) | ExportError::SelfCheck(_) => CopyProblem::Failed,
    })?;
    if export.contents.is_empty() {
        return Err(CopyProblem::Nothing);
    }
    let file = backup::file_name(platform::now(), false);
    platform::save_file(&export.text, "application/json", &file);
    keeping.copy_saved();
    Ok(file)
}
