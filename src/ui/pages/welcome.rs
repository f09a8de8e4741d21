//! The first screen: what Genie does, and the promise that everything stays on the device.

use leptos::prelude::*;

use crate::i18n::*;
use crate::session::Session;
use crate::ui::area_state::AreaState;
use crate::ui::components::{AskFirst, BringAcross, LanguageChoice, PageHeading};
use crate::ui::handover_state::Supporter;
use crate::ui::pages::DueNotice;
use crate::ui::route::Route;

/// Says what the app is for and where the person's information goes (nowhere).
#[component]
pub fn WelcomePage() -> impl IntoView {
    let i18n = use_i18n();
    let state = Session::expect();
    let started = move || {
        state.profile.with(|p| !p.is_empty()) || state.wave.with(|w| !w.network.members.is_empty())
    };
    view! {
        <PageHeading>{t!(i18n, welcome.title)}</PageHeading>
        <p class="lead">{t!(i18n, welcome.lead)}</p>
        <BringAcross />
        <DueNotice />
        <h2>{t!(i18n, welcome.what_title)}</h2>
        <ul class="what-list">
            <li>{t!(i18n, welcome.what_map)}</li>
            <li>{t!(i18n, welcome.what_support)}</li>
            <li>{t!(i18n, welcome.what_find)}</li>
        </ul>
        <section class="privacy" aria-labelledby="privacy-title">
            <h2 id="privacy-title">{t!(i18n, welcome.privacy_title)}</h2>
            <p>{t!(i18n, welcome.privacy_body)}</p>
            <p><a href=Route::Privacy.href()>{t!(i18n, privacy.link)}</a></p>
        </section>
        <p>{t!(i18n, welcome.time_hint)}</p>
        <div class="actions">
            <a class="button primary" href=Route::AboutYou.href()>
                {move || {
                    if started() {
                        t_string!(i18n, welcome.carry_on)
                    } else {
                        t_string!(i18n, welcome.start)
                    }
                }}
            </a>
            <a class="button" href=Route::Network { list: false }.href()>
                {t!(i18n, welcome.next_network)}
            </a>
            <Show when=started>
                <a class="button" href=Route::OverTime.href()>{t!(i18n, welcome.over_time)}</a>
            </Show>
        </div>
        <Helping started=Signal::derive(started) />
        // Last, because the area's words and languages arrive a moment after the page: nothing
        // above moves.
        <AreaWelcome />
        <LanguageChoice />
    }
}

/// "I am helping someone": starts a supporter session, one person's at a time.
#[component]
fn Helping(started: Signal<bool>) -> impl IntoView {
    let i18n = use_i18n();
    let supporter = Supporter::expect();
    let area = AreaState::expect();
    let start = Callback::new(move |()| {
        supporter.start();
        Route::AboutYou.go();
    });
    let hours = move || area.settings.with(|s| s.supporter_hours());
    view! {
        <section class="helping" aria-labelledby="helping-title" data-testid="helping">
            <h2 id="helping-title">{t!(i18n, handover.helping_title)}</h2>
            {move || {
                if supporter.is_open() {
                    view! {
                        <p>{t!(i18n, handover.helping_open)}</p>
                        <a class="button" href=Route::HandOver.href()>{t!(i18n, handover.give_title)}</a>
                    }
                    .into_any()
                } else if started.get() {
                    view! {
                        <p>{t!(i18n, handover.helping_intro)}</p>
                        <p data-testid="helping-busy">{t!(i18n, handover.helping_busy)}</p>
                    }
                    .into_any()
                } else {
                    view! {
                        <p>{t!(i18n, handover.helping_intro)}</p>
                        <AskFirst
                            start=Signal::derive(move || t_string!(i18n, handover.helping_start).to_string())
                            start_class="button"
                            question_id="helping-question".to_string()
                            question=Signal::derive(move || t_string!(i18n, handover.helping_question, count = hours()))
                            yes=Signal::derive(move || t_string!(i18n, handover.helping_yes).to_string())
                            yes_class="button primary"
                            on_yes=start
                            no=Signal::derive(move || t_string!(i18n, handover.helping_no).to_string())
                            box_class="confirm-helping"
                            question_class="note"
                            test_id="helping-confirm"
                        />
                    }
                    .into_any()
                }
            }}
            <p>
                <a href=Route::SupporterGuide.href() data-testid="guide-link">{t!(i18n, guide.open_link)}</a>
            </p>
        </section>
    }
}

/// The area's own help and contact words, as the commissioner wrote them, in the language on
/// screen when the area gave them in it.
#[component]
fn AreaWelcome() -> impl IntoView {
    let i18n = use_i18n();
    let area = AreaState::expect();
    move || {
        let tag = i18n.get_locale().tag();
        area.settings.with(|s| {
            let help = s.help_text_in(tag).trim().to_string();
            let contact = s.contact_in(tag).trim().to_string();
            let has_words = !help.is_empty() || !contact.is_empty();
            (has_words && !s.name.trim().is_empty()).then(|| {
                let name = s.name.clone();
                view! {
                    <section class="area-help" aria-labelledby="area-help-title" data-testid="area-help">
                        <h2 id="area-help-title">{move || t_string!(i18n, welcome.area_title, area = name.clone())}</h2>
                        {(!help.is_empty()).then(|| view! { <p dir="auto">{help}</p> })}
                        {(!contact.is_empty()).then(|| view! { <p dir="auto"><strong>{t!(i18n, welcome.area_contact)}</strong> " " {contact}</p> })}
                    </section>
                }
            })
        })
    }
}
