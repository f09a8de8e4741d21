//! "How did it go?": a check-in on a chosen activity. Offered about two weeks after choosing
//! (the "Over time" page and the welcome page say when), and open to answer at any time.

use std::collections::BTreeSet;

use genie_core::model::{Barrier, CheckIn, ChoiceId, ChoiceStatus, Tried};
use leptos::prelude::*;

use crate::i18n::*;
use crate::platform;
use crate::ui::components::CheckboxGroup;
use crate::ui::state::AppState;

#[component]
pub fn CheckInForm(id: ChoiceId) -> impl IntoView {
    let i18n = use_i18n();
    let state = AppState::expect();
    let tried = RwSignal::new(None::<Tried>);
    let how = RwSignal::new(None::<u8>);
    let again = RwSignal::new(None::<bool>);
    let barriers = RwSignal::new(BTreeSet::<Barrier>::new());
    let note = RwSignal::new(String::new());
    let prefix = format!("check-in-{}", id.0);
    let last = move || {
        state.choices.with(|cs| {
            cs.iter()
                .find(|c| c.id == id)
                .and_then(|c| c.check_ins.last().cloned())
        })
    };
    let save = move |_| {
        let Some(answer) = tried.get_untracked() else {
            return;
        };
        let check_in = CheckIn {
            at: platform::now(),
            tried: answer,
            how_it_went: how.get_untracked().filter(|_| answer == Tried::Yes),
            go_again: again.get_untracked().filter(|_| answer == Tried::Yes),
            barriers: barriers.get_untracked(),
            note: note.get_untracked().trim().to_string(),
        };
        let stop = answer == Tried::No || check_in.go_again == Some(false);
        let going = answer == Tried::Yes && check_in.go_again != Some(false);
        state.update_choice(id, |c| {
            c.check_ins.push(check_in);
            if stop {
                c.status = ChoiceStatus::Stopped;
            } else if going {
                c.status = ChoiceStatus::Going;
            }
        });
        tried.set(None);
        how.set(None);
        again.set(None);
        barriers.set(BTreeSet::new());
        note.set(String::new());
        state.announce(t_string!(i18n, check_in.saved));
    };
    let tried_name = format!("{prefix}-tried");
    let how_name = format!("{prefix}-how");
    let again_name = format!("{prefix}-again");
    let note_id = format!("{prefix}-note");
    let tried_options = [
        (Tried::Yes, "yes"),
        (Tried::NotYet, "not_yet"),
        (Tried::No, "no"),
    ]
    .into_iter()
    .map(|(value, word)| {
        let name = tried_name.clone();
        let label = move || match value {
            Tried::Yes => t_string!(i18n, check_in.tried_yes),
            Tried::NotYet => t_string!(i18n, check_in.tried_not_yet),
            Tried::No => t_string!(i18n, check_in.tried_no),
        };
        view! {
            <label class="choice">
                <input
                    type="radio"
                    name=name
                    value=word
                    prop:checked=move || tried.get() == Some(value)
                    on:change=move |_| tried.set(Some(value))
                />
                <span>{label}</span>
            </label>
        }
    })
    .collect_view();
    let how_options = move || {
        (1..=5u8)
            .map(|n| {
                let name = how_name.clone();
                let label = move || match n {
                    1 => t_string!(i18n, check_in.how_1),
                    2 => t_string!(i18n, check_in.how_2),
                    3 => t_string!(i18n, check_in.how_3),
                    4 => t_string!(i18n, check_in.how_4),
                    _ => t_string!(i18n, check_in.how_5),
                };
                view! {
                    <label class="choice">
                        <input
                            type="radio"
                            name=name
                            value=n.to_string()
                            prop:checked=move || how.get() == Some(n)
                            on:change=move |_| how.set(Some(n))
                        />
                        <span>{label}</span>
                    </label>
                }
            })
            .collect_view()
    };
    let again_options = move || {
        [(true, "yes"), (false, "no")]
            .into_iter()
            .map(|(value, word)| {
                let name = again_name.clone();
                let label = move || {
                    if value {
                        t_string!(i18n, check_in.again_yes)
                    } else {
                        t_string!(i18n, check_in.again_no)
                    }
                };
                view! {
                    <label class="choice">
                        <input
                            type="radio"
                            name=name
                            value=word
                            prop:checked=move || again.get() == Some(value)
                            on:change=move |_| again.set(Some(value))
                        />
                        <span>{label}</span>
                    </label>
                }
            })
            .collect_view()
    };
    let last_words = move || {
        last().map(|c| {
            let locale = i18n.get_locale();
            let date = platform::local_date(c.at, crate::ui::labels::date_locale(locale));
            let what = match c.tried {
                Tried::Yes => t_string!(i18n, check_in.tried_yes),
                Tried::NotYet => t_string!(i18n, check_in.tried_not_yet),
                Tried::No => t_string!(i18n, check_in.tried_no),
            };
            view! { <p class="hint" data-testid="last-check-in">{t_string!(i18n, check_in.last, date = date, what = what)}</p> }
        })
    };
    view! {
        <details class="check-in" data-testid="check-in">
            <summary>{t!(i18n, check_in.title)}</summary>
            {last_words}
            <fieldset class="choices">
                <legend>{t!(i18n, check_in.tried_legend)}</legend>
                {tried_options}
            </fieldset>
            <Show when=move || tried.get() == Some(Tried::Yes)>
                <fieldset class="choices">
                    <legend>{t!(i18n, check_in.how_legend)}</legend>
                    {how_options()}
                </fieldset>
                <fieldset class="choices">
                    <legend>{t!(i18n, check_in.again_legend)}</legend>
                    {again_options()}
                </fieldset>
            </Show>
            <CheckboxGroup
                legend=Signal::derive(move || t_string!(i18n, check_in.barriers_legend).to_string())
                name=format!("{prefix}-barriers")
                value=Signal::derive(move || barriers.get())
                on_toggle=Callback::new(move |(barrier, on): (Barrier, bool)| {
                    barriers.update(|set| {
                        if on {
                            set.insert(barrier);
                        } else {
                            set.remove(&barrier);
                        }
                    })
                })
            />
            <div class="field">
                <label for=note_id.clone()>{t!(i18n, check_in.note)}</label>
                <textarea
                    id=note_id
                    rows="2"
                    maxlength="500"
                    prop:value=move || note.get()
                    on:input=move |ev| note.set(event_target_value(&ev))
                ></textarea>
            </div>
            <button
                type="button"
                class="button primary"
                disabled=move || tried.get().is_none()
                on:click=save
            >
                {t!(i18n, check_in.save)}
            </button>
        </details>
    }
}
