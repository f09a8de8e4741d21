//! Whether the browser will keep Genie's data, and asking it to.

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::StatusLine;
use crate::i18n::*;
use crate::platform::storage::{self, Durability};
use crate::session::{Session, StorageHealth};

#[component]
pub fn KeepSection() -> impl IntoView {
    let i18n = use_i18n();
    let state = Session::expect();
    let durability = RwSignal::new(None::<Durability>);
    let refused = RwSignal::new(false);
    spawn_local(async move {
        let found = storage::durability().await;
        durability.try_set(Some(found));
    });
    let session_only = move || matches!(state.health.get(), StorageHealth::SessionOnly(_));
    let words = move || {
        if session_only() {
            return t_string!(i18n, data.keep_session).to_string();
        }
        match durability.get() {
            None => String::new(),
            Some(Durability::Kept) => t_string!(i18n, data.keep_granted).to_string(),
            Some(Durability::BestEffort) => t_string!(i18n, data.keep_not_granted).to_string(),
            Some(Durability::Unknown) => t_string!(i18n, data.keep_unknown).to_string(),
        }
    };
    let refused_words = move || {
        if refused.get() {
            t_string!(i18n, data.keep_refused).to_string()
        } else {
            String::new()
        }
    };
    let can_ask = move || {
        !session_only() && durability.get() == Some(Durability::BestEffort) && !refused.get()
    };
    let ask = move |_| {
        spawn_local(async move {
            let answer = storage::ask_to_keep().await;
            durability.try_set(Some(answer));
            refused.try_set(answer != Durability::Kept);
        });
    };
    view! {
        <section class="data-section" aria-labelledby="keep-title">
            <h2 id="keep-title">{t!(i18n, data.keep_title)}</h2>
            <p data-testid="durability">{words}</p>
            <Show when=can_ask>
                <button type="button" class="button" on:click=ask>{t!(i18n, data.keep_ask)}</button>
            </Show>
            <StatusLine text=Signal::derive(refused_words) test_id="keep-result" />
        </section>
    }
}
