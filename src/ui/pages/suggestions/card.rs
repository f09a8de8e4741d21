//! One suggestion's card, compact so a phone shows several at once: its name, why it was
//! suggested and a way to choose it; what it is, what it costs, when and where it runs and how
//! to get in touch open on request ("More about this", a native disclosure that keyboards and
//! screen readers know).

use genie_core::area::LatLon;
use genie_core::directory::{Reach, Resource};
use genie_core::matching::Suggestion;
use genie_core::model::{self, MAX_ACTIVE_CHOICES};
use leptos::html::P;
use leptos::prelude::*;

use super::facts::EntryFacts;
use super::words::reason_words;
use crate::i18n::*;
use crate::platform;
use crate::session::{ChooseError, Session};
use crate::ui::components::disclosure;
use crate::ui::labels::date_locale;

/// One suggestion. `refused` names the card whose "Choose this" was refused because three are
/// being tried, so the message appears beside the button that was pressed.
#[component]
pub fn SuggestionCard(
    suggestion: Suggestion,
    resource: Resource,
    refused: RwSignal<Option<String>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let state = Session::expect();
    let id = resource.id.clone();
    let name = resource.name.clone();
    let heading_id = format!("s-{}", resource.id);
    let chosen = {
        let id = id.clone();
        move || state.choices.with(|cs| model::is_chosen(cs, &id))
    };
    let tried_before = {
        let id = id.clone();
        move || state.choices.with(|cs| model::tried_before(cs, &id))
    };
    let refused_here = {
        let id = id.clone();
        move || {
            refused.with(|r| r.as_deref() == Some(id.as_str()))
                && state.choices.with(|cs| model::active_count(cs)) >= MAX_ACTIVE_CHOICES
        }
    };
    let reasons = suggestion.reasons.clone();
    let reason_items = move || {
        let locale = i18n.get_locale();
        let words: Vec<(&'static str, String)> = state.wave.with(|w| {
            reasons
                .iter()
                .map(|r| (r.as_str(), reason_words(r, &w.network, locale)))
                .collect()
        });
        words
            .into_iter()
            .map(|(word, text)| view! { <li data-reason=word>{text}</li> })
            .collect_view()
    };
    // What it is, its times, place and contact: built when first opened.
    let more = disclosure(
        "more",
        Some("more-about"),
        false,
        view! { <summary aria-describedby=heading_id.clone()>{t!(i18n, suggest.more_about)}</summary> }
        .into_any(),
        {
            let resource = resource.clone();
            Box::new(move || {
                let checked = resource.checked.map(|date| {
                view! {
                    <p class="hint" data-testid="last-checked">
                        {move || {
                            let when = platform::local_date(date.noon_utc(), date_locale(i18n.get_locale()));
                            t_string!(i18n, suggest.last_checked, date = when)
                        }}
                    </p>
                }
            });
                view! {
                    <p dir="auto">{resource.description.clone()}</p>
                    <EntryFacts resource=resource />
                    {checked}
                }
                .into_any()
            })
        },
    );
    let is_chosen = chosen.clone();
    let refusal = NodeRef::<P>::new();
    let at = match &resource.reach {
        Reach::Local { location } => Some(LatLon {
            lat: location.lat,
            lon: location.lon,
        }),
        _ => None,
    };
    let choose = move |_| match state.choose(&id, &name, at) {
        Ok(count) => {
            refused.set(None);
            state.announce(t_string!(
                i18n,
                suggest.chose,
                name = name.clone(),
                count = count
            ));
        }
        Err(ChooseError::Full) => {
            refused.set(Some(id.clone()));
            request_animation_frame(move || {
                if let Some(message) = refusal.get_untracked() {
                    show_whole(&message);
                }
            });
        }
        Err(ChooseError::AlreadyChosen) => {}
    };
    view! {
        <li class="suggestion" data-resource=resource.id.clone()>
            <h4 id=heading_id.clone() class="suggestion-name" dir="auto">{resource.name.clone()}</h4>
            <ul class="reasons">{reason_items}</ul>
            {more}
            <Show when=tried_before>
                <p class="hint" data-testid="tried-before-note">{t!(i18n, suggest.tried_before)}</p>
            </Show>
            <button
                type="button"
                class="button primary"
                aria-describedby=heading_id
                disabled=is_chosen
                on:click=choose
            >
                {move || if chosen() { t_string!(i18n, suggest.chosen) } else { t_string!(i18n, suggest.choose) }}
            </button>
            <Show when=refused_here>
                <p class="problem" role="alert" data-testid="choose-refused" node_ref=refusal>{t!(i18n, suggest.full)}</p>
            </Show>
        </li>
    }
}

/// Scrolls just enough to show the whole element, if part of it is off-screen (a message below
/// a button near the bottom of a phone's screen).
fn show_whole(element: &web_sys::HtmlElement) {
    let rect = element.get_bounding_client_rect();
    let height = web_sys::window()
        .and_then(|w| w.inner_height().ok())
        .and_then(|h| h.as_f64())
        .unwrap_or(f64::MAX);
    if rect.top() < 0.0 {
        element.scroll_into_view_with_bool(true);
    } else if rect.bottom() > height {
        element.scroll_into_view_with_bool(false);
    }
}
