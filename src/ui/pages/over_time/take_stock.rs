//! "Take stock": close this map as it is and redraw from a copy.

use leptos::html::{Button, P};
use leptos::prelude::*;

use crate::i18n::*;
use crate::platform;
use crate::ui::route::Route;
use crate::ui::state::AppState;

#[component]
pub fn TakeStock() -> impl IntoView {
    let i18n = use_i18n();
    let state = AppState::expect();
    let confirming = RwSignal::new(false);
    // Focus moves to the question when it appears (so a screen reader reads it), and back to
    // "Take stock" after "No" or Escape, so keyboard users stay where they were.
    let start_button = NodeRef::<Button>::new();
    let question = NodeRef::<P>::new();
    let ask = move |_| {
        confirming.set(true);
        request_animation_frame(move || {
            if let Some(p) = question.get_untracked() {
                let _ = p.focus();
            }
        });
    };
    let keep = move || {
        confirming.set(false);
        request_animation_frame(move || {
            if let Some(button) = start_button.get_untracked() {
                let _ = button.focus();
            }
        });
    };
    let started = move || {
        let locale = i18n.get_locale();
        let at = state.wave.with(|w| w.started_at);
        t_string!(
            i18n,
            over_time.current_map,
            date = platform::local_date(at, crate::ui::labels::date_locale(locale))
        )
    };
    view! {
        <section aria-labelledby="take-stock-title">
            <h2 id="take-stock-title">{t!(i18n, over_time.take_stock_title)}</h2>
            <p>{t!(i18n, over_time.take_stock_body)}</p>
            <p class="hint">{started}</p>
            <Show
                when=move || confirming.get()
                fallback=move || view! {
                    <button type="button" class="button primary" node_ref=start_button on:click=ask>
                        {t!(i18n, over_time.take_stock)}
                    </button>
                }
            >
                <div
                    class="notice"
                    role="alertdialog"
                    aria-labelledby="take-stock-confirm"
                    data-testid="take-stock-confirm"
                    on:keydown=move |ev| {
                        if ev.key() == "Escape" {
                            keep();
                        }
                    }
                >
                    <p id="take-stock-confirm" node_ref=question tabindex="-1">
                        {t!(i18n, over_time.take_stock_confirm)}
                    </p>
                    <div class="actions">
                        <button
                            type="button"
                            class="button primary"
                            on:click=move |_| {
                                state.take_stock();
                                confirming.set(false);
                                state.announce(t_string!(i18n, over_time.take_stock_done));
                                Route::Network { list: false }.go();
                            }
                        >
                            {t!(i18n, over_time.take_stock_yes)}
                        </button>
                        <button type="button" class="button" on:click=move |_| keep()>
                            {t!(i18n, over_time.take_stock_no)}
                        </button>
                    </div>
                </div>
            </Show>
        </section>
    }
}
