//! When nothing matches: the limit that left most out, and one tap to relax it.

use genie_core::matching::{self, Limit};
use leptos::prelude::*;

use super::words::limit_words;
use crate::i18n::*;
use crate::session::Session;
use crate::ui::route::Route;

/// Names the limit that left most out and, when it is one the person can simply let go of,
/// offers a button that does so (saved like any other change to the preferences); and a way to
/// the preferences page either way.
#[component]
pub fn RelaxLimit(limit: Option<Limit>) -> impl IntoView {
    let i18n = use_i18n();
    let state = Session::expect();
    let label = move |limit: Limit| match limit {
        Limit::Distance => Some(t_string!(i18n, suggest.relax_distance)),
        Limit::Cost => Some(t_string!(i18n, suggest.relax_cost)),
        Limit::Time => Some(t_string!(i18n, suggest.relax_time)),
        Limit::Language => Some(t_string!(i18n, suggest.relax_language)),
        Limit::Interest | Limit::Status | Limit::Access => None,
    };
    let button = limit.filter(|l| matching::can_relax(*l)).map(|limit| {
        let relax = move |_| {
            let mut changed = false;
            state.update_preferences(|p| changed = matching::relax(limit, p));
            if changed {
                state.announce(t_string!(i18n, offers.applied));
            }
        };
        view! {
            <button type="button" class="button" data-testid="relax-button" on:click=relax>
                {move || label(limit)}
            </button>
        }
    });
    let named = limit.map(|limit| {
        view! {
            <p data-testid="relax">
                {move || t_string!(i18n, suggest.relax, limit = limit_words(limit, i18n.get_locale()))}
            </p>
        }
    });
    view! {
        {named}
        <div class="actions">
            {button}
            <a class="button primary" href=Route::Preferences.href()>
                {t!(i18n, suggest.change_prefs)}
            </a>
        </div>
    }
}
