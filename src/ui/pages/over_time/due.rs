//! What is due when the app opens: check-ins on chosen activities, and taking stock about 6
//! and 12 months after the first map.

use genie_core::followup::{due_now, Due, DueItem, Milestone};
use leptos::prelude::*;

use crate::i18n::*;
use crate::platform;
use crate::session::Session;
use crate::ui::components::SafetyNet;
use crate::ui::route::Route;

/// The offers due today: each is due for the whole of its day on the device's calendar, so
/// a reminder at ten finds it even if the activity was chosen at eleven.
fn due_items(state: Session) -> Vec<Due> {
    let waves = state.all_waves();
    state.choices.with(|choices| {
        due_now(
            platform::local_today(),
            &platform::DeviceZone,
            &waves,
            choices,
        )
    })
}

/// One offer in words, with where to answer it.
fn describe(state: Session, due: &Due, locale: Locale) -> (String, String) {
    match due.item {
        DueItem::CheckIn { choice, .. } => {
            let name = state.choices.with(|cs| {
                cs.iter()
                    .find(|c| c.id == choice)
                    .map(|c| c.resource_name.clone())
                    .unwrap_or_default()
            });
            (
                td_string!(locale, over_time.due_check_in, name = name),
                Route::Suggestions.href(),
            )
        }
        DueItem::TakeStock(milestone) => (
            match milestone {
                Milestone::SixMonths => td_string!(locale, over_time.due_six_months).to_string(),
                Milestone::TwelveMonths => {
                    td_string!(locale, over_time.due_twelve_months).to_string()
                }
            },
            Route::OverTime.href(),
        ),
    }
}

/// The offers as a list of links, each to where it is answered.
fn due_links(state: Session, due: &[Due], locale: Locale) -> impl IntoView {
    let items = due
        .iter()
        .map(|d| {
            let (text, href) = describe(state, d, locale);
            view! { <li><a href=href>{text}</a></li> }
        })
        .collect_view();
    view! { <ul class="due-list">{items}</ul> }
}

/// The list of what is due, on the "Over time" page.
#[component]
pub fn DueList() -> impl IntoView {
    let i18n = use_i18n();
    let state = Session::expect();
    move || {
        let due = due_items(state);
        let locale = i18n.get_locale();
        if due.is_empty() {
            return view! { <p data-testid="nothing-due">{t!(i18n, over_time.nothing_due)}</p> }
                .into_any();
        }
        view! {
            <section aria-labelledby="due-title" data-testid="due">
                <h2 id="due-title">{t!(i18n, over_time.due_title)}</h2>
                {due_links(state, &due, locale)}
            </section>
            <SafetyNet />
        }
        .into_any()
    }
}

/// A short notice on the welcome page when something is due, so it is seen on opening.
#[component]
pub fn DueNotice() -> impl IntoView {
    let i18n = use_i18n();
    let state = Session::expect();
    move || {
        let due = due_items(state);
        (!due.is_empty()).then(|| {
            let locale = i18n.get_locale();
            view! {
                <section class="notice due-notice" aria-labelledby="due-notice-title" data-testid="due-notice">
                    <h2 id="due-notice-title">{t!(i18n, over_time.due_title)}</h2>
                    {due_links(state, &due, locale)}
                </section>
                <SafetyNet />
            }
        })
    }
}
