//! The language choice, on the welcome page and on "Your data": each language named in
//! itself, as the area offers them. Choosing one fetches its words (from the offline copy after
//! the first time) and changes only words: whatever was typed anywhere stays.

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::i18n::*;
use crate::session::Session;
use crate::ui::area_state::AreaState;

#[component]
pub fn LanguageChoice() -> impl IntoView {
    let i18n = use_i18n();
    let area = AreaState::expect();
    let state = Session::expect();
    let failed = RwSignal::new(false);
    let offered = move || area.settings.with(|s| choice::offered(&s.languages));
    let choose = move |locale: Locale| {
        failed.set(false);
        spawn_local(async move {
            match choice::switch_to(i18n, locale).await {
                Ok(()) => state.announce(td_string!(locale, locale.switched)),
                Err(_) => failed.set(true),
            }
        });
    };
    move || {
        // Only once the area's offer is known; one language on offer leaves nothing to choose.
        let languages = if i18n.offer_known() {
            offered()
        } else {
            Vec::new()
        };
        (languages.len() > 1).then(|| {
            let options = languages
                .into_iter()
                .map(|locale| {
                    view! {
                        <label class="choice" lang=locale.tag()>
                            <input
                                type="radio"
                                name="app-language"
                                value=locale.tag()
                                prop:checked=move || i18n.get_locale() == locale
                                on:change=move |_| choose(locale)
                            />
                            <span>{locale.self_name()}</span>
                        </label>
                    }
                })
                .collect_view();
            view! {
                <fieldset class="choices language-choice" data-testid="language-choice">
                    <legend>{t!(i18n, locale.choose_title)}</legend>
                    <p class="hint">{t!(i18n, locale.choose_hint)}</p>
                    {options}
                    <Show when=move || failed.get()>
                        <p class="problem" role="alert">{t!(i18n, locale.load_failed)}</p>
                    </Show>
                </fieldset>
            }
        })
    }
}
