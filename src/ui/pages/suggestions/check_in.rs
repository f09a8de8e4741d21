//! "How did it go?": a check-in on a chosen activity. Offered about two weeks after choosing
//! (the "Over time" page and the welcome page say when), and open to answer at any time.
//! After a good check-in (went, would go again) it offers to put the activity on the map.

use genie_core::model::{put_on_map, Barrier, CheckInDraft, ChoiceId, Circle, MemberKind, Tried};
use leptos::html::Fieldset;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::i18n::*;
use crate::platform;
use crate::session::Session;
use crate::ui::components::{disclosure, radio_option, CheckboxGroup};
use crate::ui::labels::Labelled;

#[component]
pub fn CheckInForm(id: ChoiceId) -> impl IntoView {
    let i18n = use_i18n();
    let state = Session::expect();
    // The answers live in the stored choice as a draft, so a reload loses nothing.
    let draft = Memo::new(move |_| {
        state.choices.with(|cs| {
            cs.iter()
                .find(|c| c.id == id)
                .and_then(|c| c.check_in_draft.clone())
                .unwrap_or_default()
        })
    });
    let edit = move |change: Box<dyn FnOnce(&mut CheckInDraft)>| {
        state.update_choice(id, |c| {
            change(c.check_in_draft.get_or_insert_with(Default::default))
        });
    };
    // Open when first drawn if answers were begun; after that the person opens and closes it,
    // so taking back their only answer never shuts it under them.
    let started = draft.with_untracked(|d| *d != CheckInDraft::default());
    let tried = Signal::derive(move || draft.with(|d| d.tried));
    let how = Signal::derive(move || draft.with(|d| d.how_it_went));
    let again = Signal::derive(move || draft.with(|d| d.go_again));
    let barriers = Signal::derive(move || draft.with(|d| d.barriers.clone()));
    let note = Signal::derive(move || draft.with(|d| d.note.clone()));
    let prefix = format!("check-in-{}", id.0);
    let last = move || {
        state.choices.with(|cs| {
            cs.iter()
                .find(|c| c.id == id)
                .and_then(|c| c.check_ins.last().cloned())
        })
    };
    // Saving before "Did you try it?" is answered says why, beside the question, and takes
    // the person to it.
    let asked = RwSignal::new(false);
    let unanswered = move || asked.get() && tried.get().is_none();
    let tried_group = NodeRef::<Fieldset>::new();
    let save = move |_| {
        if tried.get_untracked().is_none() {
            asked.set(true);
            request_animation_frame(move || {
                let first = tried_group
                    .get_untracked()
                    .and_then(|group| group.query_selector("input").ok().flatten())
                    .and_then(|input| input.dyn_into::<web_sys::HtmlElement>().ok());
                if let Some(input) = first {
                    let _ = input.focus();
                }
            });
            return;
        }
        asked.set(false);
        let mut saved = false;
        state.update_choice(id, |c| saved = c.finish_check_in(platform::now()));
        if saved {
            state.announce(t_string!(i18n, check_in.saved));
        }
    };
    let tried_name = format!("{prefix}-tried");
    let how_name = format!("{prefix}-how");
    let again_name = format!("{prefix}-again");
    let note_id = format!("{prefix}-note");
    let tried_problem_id = format!("{prefix}-tried-problem");
    let describe_tried = tried_problem_id.clone();
    let tried_options = [
        (Tried::Yes, "yes"),
        (Tried::NotYet, "not_yet"),
        (Tried::No, "no"),
    ]
    .into_iter()
    .map(|(value, word)| {
        let label = Signal::derive(move || {
            match value {
                Tried::Yes => t_string!(i18n, check_in.tried_yes),
                Tried::NotYet => t_string!(i18n, check_in.tried_not_yet),
                Tried::No => t_string!(i18n, check_in.tried_no),
            }
            .to_string()
        });
        let pick = Callback::new(move |v: Tried| edit(Box::new(move |d| d.tried = Some(v))));
        radio_option(tried_name.clone(), word.into(), value, label, tried, pick)
    })
    .collect_view();
    let how_options = move || {
        (1..=5u8)
            .map(|n| {
                let label = Signal::derive(move || {
                    match n {
                        1 => t_string!(i18n, check_in.how_1),
                        2 => t_string!(i18n, check_in.how_2),
                        3 => t_string!(i18n, check_in.how_3),
                        4 => t_string!(i18n, check_in.how_4),
                        _ => t_string!(i18n, check_in.how_5),
                    }
                    .to_string()
                });
                let pick =
                    Callback::new(move |v: u8| edit(Box::new(move |d| d.how_it_went = Some(v))));
                radio_option(how_name.clone(), n.to_string(), n, label, how, pick)
            })
            .collect_view()
    };
    let again_options = move || {
        [(true, "yes"), (false, "no")]
            .into_iter()
            .map(|(value, word)| {
                let label = Signal::derive(move || {
                    if value {
                        t_string!(i18n, check_in.again_yes)
                    } else {
                        t_string!(i18n, check_in.again_no)
                    }
                    .to_string()
                });
                let pick =
                    Callback::new(move |v: bool| edit(Box::new(move |d| d.go_again = Some(v))));
                radio_option(again_name.clone(), word.into(), value, label, again, pick)
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
    let body = move || {
        view! {
            {last_words}
            <fieldset
                class="choices"
                role="radiogroup"
                node_ref=tried_group
                aria-invalid=move || unanswered().then_some("true")
                aria-describedby=move || unanswered().then(|| describe_tried.clone())
            >
                <legend>{t!(i18n, check_in.tried_legend)}</legend>
                {tried_options}
            </fieldset>
            <Show when=unanswered>
                <p class="problem" role="alert" id=tried_problem_id.clone() data-testid="check-in-problem">
                    {t!(i18n, check_in.tried_needed)}
                </p>
            </Show>
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
                value=barriers
                on_toggle=Callback::new(move |(barrier, on): (Barrier, bool)| {
                    edit(Box::new(move |d| {
                        if on {
                            d.barriers.insert(barrier);
                        } else {
                            d.barriers.remove(&barrier);
                        }
                    }))
                })
            />
            <div class="field">
                <label for=note_id.clone()>{t!(i18n, check_in.note)}</label>
                <textarea
                    id=note_id
                    rows="2"
                    maxlength="500"
                    prop:value=move || note.get()
                    on:input=move |ev| {
                        let text = event_target_value(&ev);
                        edit(Box::new(move |d| d.note = text));
                    }
                ></textarea>
            </div>
            <button type="button" class="button primary" on:click=save>
                {t!(i18n, check_in.save)}
            </button>
        }
        .into_any()
    };
    view! {
        {disclosure(
            "check-in",
            Some("check-in"),
            started,
            view! { <summary>{t!(i18n, check_in.title)}</summary> }
        .into_any(),
            Box::new(body),
        )}
        <OnMapOffer id=id />
    }
}

/// "Put it on your map?": offered once a check-in says the person went and would go again.
/// They pick what it is (an activity or a group) and its circle; it then joins the map as a
/// new member, counts in the change score as a new activity, and leaves the list of
/// activities they plan to try.
#[component]
fn OnMapOffer(id: ChoiceId) -> impl IntoView {
    let i18n = use_i18n();
    let state = Session::expect();
    let choice = move || {
        state
            .choices
            .with(|cs| cs.iter().find(|c| c.id == id).cloned())
    };
    let offered = move || choice().is_some_and(|c| c.can_go_on_map());
    let name = move || choice().map(|c| c.resource_name).unwrap_or_default();
    let on_map = move || choice().and_then(|c| c.on_map);
    let kind = RwSignal::new(None::<MemberKind>);
    let circle = RwSignal::new(None::<Circle>);
    let asked = RwSignal::new(false);
    let missing = move || asked.get() && (kind.get().is_none() || circle.get().is_none());
    let prefix = format!("on-map-{}", id.0);
    // A function (so it can be copied into each redraw) for the problem line's id.
    let problem_id = move || format!("on-map-{}-problem", id.0);
    let add = move |_| {
        let (Some(k), Some(c)) = (kind.get_untracked(), circle.get_untracked()) else {
            asked.set(true);
            return;
        };
        let Some(mut chosen) = choice() else {
            return;
        };
        let mut added = None;
        state.update_network(|network| {
            added = put_on_map(network, &mut chosen, k, c).ok();
        });
        if let Some(member) = added {
            state.update_choice(id, |stored| stored.on_map = Some(member));
            state.announce(t_string!(i18n, check_in.on_map_done, name = name()));
        }
    };
    let kind_name = format!("{prefix}-kind");
    let kind_options = move || {
        [MemberKind::Activity, MemberKind::Group]
            .into_iter()
            .map(|value| {
                let label = Signal::derive(move || value.label(i18n.get_locale()).to_string());
                let pick = Callback::new(move |v: MemberKind| kind.set(Some(v)));
                radio_option(
                    kind_name.clone(),
                    value.as_str().into(),
                    value,
                    label,
                    kind.into(),
                    pick,
                )
            })
            .collect_view()
    };
    let circle_name = format!("{prefix}-circle");
    let circle_options = move || {
        Circle::ALL
            .iter()
            .copied()
            .map(|value| {
                let label = Signal::derive(move || value.label(i18n.get_locale()).to_string());
                let pick = Callback::new(move |v: Circle| circle.set(Some(v)));
                radio_option(
                    circle_name.clone(),
                    value.as_str().into(),
                    value,
                    label,
                    circle.into(),
                    pick,
                )
            })
            .collect_view()
    };
    let title_id = format!("{prefix}-title");
    view! {
        <Show when=move || on_map().is_some()>
            <p class="hint" data-testid="on-map-done">
                {move || t_string!(i18n, check_in.on_map_done, name = name())}
            </p>
        </Show>
        // Drawn only while offered, so the page holds no hidden form.
        <Show when=offered>
            <section
                class="on-map-offer"
                data-testid="on-map-offer"
                aria-labelledby=title_id.clone()
            >
                <h3 id=title_id.clone()>
                    {move || t_string!(i18n, check_in.on_map_title, name = name())}
                </h3>
                <p class="hint">{t!(i18n, check_in.on_map_intro)}</p>
                <fieldset
                    class="choices"
                    aria-invalid=move || (missing() && kind.get().is_none()).then_some("true")
                    aria-describedby=move || missing().then(problem_id)
                >
                    <legend>{t!(i18n, check_in.on_map_kind)}</legend>
                    {kind_options.clone()}
                </fieldset>
                <fieldset
                    class="choices"
                    aria-invalid=move || (missing() && circle.get().is_none()).then_some("true")
                >
                    <legend>{t!(i18n, check_in.on_map_circle)}</legend>
                    {circle_options.clone()}
                </fieldset>
                <Show when=missing>
                    <p class="problem" role="alert" id=problem_id() data-testid="on-map-problem">
                        {t!(i18n, check_in.on_map_needed)}
                    </p>
                </Show>
                <button type="button" class="button primary" on:click=add>
                    {move || t_string!(i18n, check_in.on_map_add, name = name())}
                </button>
            </section>
        </Show>
    }
}
