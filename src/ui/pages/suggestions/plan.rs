//! The chosen activities, each with its small plan: first step, when, with whom, how to get
//! there, and what might get in the way; and, after trying one, what was wrong with its entry.

use genie_core::directory::{Reach, Resource};
use genie_core::model::{
    self, Barrier, Choice, ChoiceId, MemberId, ReportedProblem, TravelMode, MAX_ACTIVE_CHOICES,
};
use leptos::prelude::*;
use leptos::task::spawn_local;

use super::check_in::CheckInForm;
use super::facts::place_words;
use super::remove::RemovePlan;
use super::share_notes::ShareNotes;
use super::tried::TriedBefore;
use crate::i18n::*;
use crate::platform;
use crate::session::Session;
use crate::ui::area_state::AreaState;
use crate::ui::components::network_map::display_name;
use crate::ui::components::{disclosure, CheckboxGroup, SelectField};

/// The choices being tried now, each with its small plan; then those tried before.
#[component]
pub fn ChosenList() -> impl IntoView {
    let i18n = use_i18n();
    let state = Session::expect();
    let ids = move || {
        state.choices.with(|cs| {
            cs.iter()
                .filter(|c| c.is_active())
                .map(|c| c.id)
                .collect::<Vec<_>>()
        })
    };
    let active = move || state.choices.with(|cs| model::active_count(cs));
    view! {
        <section class="chosen" aria-labelledby="chosen-title">
            <h2 id="chosen-title" data-testid="chosen-title">
                {move || t_string!(i18n, suggest.chosen_title, count = active(), max = MAX_ACTIVE_CHOICES)}
            </h2>
            <Show when=move || active() == 0>
                <p>{t!(i18n, suggest.chosen_none)}</p>
            </Show>
            <For each=ids key=|id| *id let:id>
                <PlanForm id=id />
            </For>
            <TriedBefore />
            <ShareNotes />
        </section>
    }
}

/// The small plan for one choice.
#[component]
fn PlanForm(id: ChoiceId) -> impl IntoView {
    let i18n = use_i18n();
    let state = Session::expect();
    let area = AreaState::expect();
    let read = move |f: fn(&Choice) -> String| {
        state
            .choices
            .with(|cs| cs.iter().find(|c| c.id == id).map(f).unwrap_or_default())
    };
    let name = move || read(|c| c.resource_name.clone());
    let resource_id = read(|c| c.resource_id.clone());
    let resource = Memo::new(move |_| {
        area.directory
            .with(|d| d.resources.iter().find(|r| r.id == resource_id).cloned())
    });
    let prefix = format!("plan-{}", id.0);
    let (step_id, when_id, with_id, travel_id) = (
        format!("{prefix}-step"),
        format!("{prefix}-when"),
        format!("{prefix}-with"),
        format!("{prefix}-travel"),
    );
    let members = move || {
        let locale = i18n.get_locale();
        state.wave.with(|w| {
            w.network
                .members
                .iter()
                .map(|m| (m.id, display_name(&m.name, locale).to_string()))
                .collect::<Vec<_>>()
        })
    };
    let with_value = move || {
        state.choices.with(|cs| {
            cs.iter()
                .find(|c| c.id == id)
                .and_then(|c| c.plan.with_member)
                .map(|m| m.0.to_string())
                .unwrap_or_default()
        })
    };
    let field = move |f: fn(&Choice) -> Option<TravelMode>| {
        state
            .choices
            .with(|cs| cs.iter().find(|c| c.id == id).and_then(f))
    };
    let barriers = Signal::derive(move || {
        state.choices.with(|cs| {
            cs.iter()
                .find(|c| c.id == id)
                .map(|c| c.plan.expected_barriers.clone())
                .unwrap_or_default()
        })
    });
    let barrier_name = format!("{prefix}-barriers");
    // The plan's first questions come with the tap that chose it; the rest a frame later, so a
    // slow phone shows the choice at once (building the whole plan took longer than a frame).
    let rest_drawn = RwSignal::new(false);
    spawn_local(async move {
        platform::after_paint().await;
        rest_drawn.try_set(true);
    });
    view! {
        <article class="plan" data-choice=id.0>
            <h3 id=plan_heading_id(id) dir="auto">{move || t_string!(i18n, suggest.plan_title, name = name())}</h3>
            <div class="field">
                <label for=step_id.clone()>{t!(i18n, suggest.first_step)}</label>
                <p class="hint">{t!(i18n, suggest.first_step_hint)}</p>
                <input
                    id=step_id
                    type="text"
                    maxlength="300"
                    prop:value=move || read(|c| c.plan.first_step.clone())
                    on:input=move |ev| {
                        let text = event_target_value(&ev);
                        state.update_choice(id, |c| c.plan.first_step = text);
                    }
                />
            </div>
            <div class="field">
                <label for=when_id.clone()>{t!(i18n, suggest.when)}</label>
                <input
                    id=when_id
                    type="text"
                    maxlength="100"
                    prop:value=move || read(|c| c.plan.when_text.clone())
                    on:input=move |ev| {
                        let text = event_target_value(&ev);
                        state.update_choice(id, |c| c.plan.when_text = text);
                    }
                />
            </div>
            <div class="field">
                <label for=with_id.clone()>{t!(i18n, suggest.with)}</label>
                <select
                    id=with_id
                    prop:value=with_value
                    on:change=move |ev| {
                        let member = event_target_value(&ev).parse::<u32>().ok().map(MemberId);
                        state.update_choice(id, |c| c.plan.with_member = member);
                    }
                >
                    <option value="">{t!(i18n, suggest.nobody)}</option>
                    {move || {
                        members()
                            .into_iter()
                            .map(|(member, name)| view! { <option value=member.0.to_string()>{name}</option> })
                            .collect_view()
                    }}
                </select>
            </div>
            <Show when=move || rest_drawn.get()>
            <GettingThere resource=resource />
            <SelectField
                label=Signal::derive(move || t_string!(i18n, suggest.travel).to_string())
                id=travel_id.clone()
                value=Signal::derive(move || field(|c| c.plan.travel))
                on_change=Callback::new(move |mode: Option<TravelMode>| {
                    state.update_choice(id, |c| c.plan.travel = mode)
                })
                none_label=Signal::derive(move || t_string!(i18n, suggest.travel_undecided).to_string())
            />
            <CheckboxGroup
                legend=Signal::derive(move || t_string!(i18n, suggest.barriers).to_string())
                name=barrier_name.clone()
                value=barriers
                on_toggle=Callback::new(move |(barrier, on): (Barrier, bool)| {
                    state.update_choice(id, |c| {
                        if on {
                            c.plan.expected_barriers.insert(barrier);
                        } else {
                            c.plan.expected_barriers.remove(&barrier);
                        }
                    })
                })
            />
            <CheckInForm id=id />
            <EntryNoteForm id=id />
            <RemovePlan id=id name=Signal::derive(name) />
            </Show>
        </article>
    }
}

/// The id of a plan's heading, which names the activity, so its buttons can say which plan
/// they act on.
pub fn plan_heading_id(id: ChoiceId) -> String {
    format!("plan-{}-title", id.0)
}

/// Where the activity is, so the person can work out how to get there.
#[component]
fn GettingThere(resource: Memo<Option<Resource>>) -> impl IntoView {
    let i18n = use_i18n();
    move || {
        let resource = resource.get()?;
        let words = match &resource.reach {
            Reach::Local { .. } => {
                let place = place_words(&resource.reach, i18n.get_locale())?;
                t_string!(i18n, suggest.where_is, place = place)
            }
            Reach::Online => t_string!(i18n, suggest.where_online).to_string(),
            Reach::National => t_string!(i18n, suggest.where_national).to_string(),
        };
        Some(view! { <p class="hint" dir="auto" data-testid="where">{words}</p> })
    }
}

/// "After you have tried it": what was wrong with the entry, kept on this device.
#[component]
pub fn EntryNoteForm(id: ChoiceId) -> impl IntoView {
    let i18n = use_i18n();
    let state = Session::expect();
    let problems = Signal::derive(move || {
        state.choices.with(|cs| {
            cs.iter()
                .find(|c| c.id == id)
                .map(|c| c.entry_note.problems.clone())
                .unwrap_or_default()
        })
    });
    let note_id = format!("plan-{}-entry-note", id.0);
    // Open when first drawn if there is a note already; after that the person opens and
    // closes it, so typing elsewhere in the plan never shuts it under them.
    let has_note = state.choices.with_untracked(|cs| {
        cs.iter()
            .find(|c| c.id == id)
            .is_some_and(|c| !c.entry_note.is_empty())
    });
    let body = move || {
        view! {
            <p class="hint">{t!(i18n, suggest.entry_note_hint)}</p>
            <CheckboxGroup
                legend=Signal::derive(move || t_string!(i18n, suggest.entry_note_legend).to_string())
                name=format!("plan-{}-problems", id.0)
                value=problems
                on_toggle=Callback::new(move |(problem, on): (ReportedProblem, bool)| {
                    state.update_choice(id, |c| {
                        if on {
                            c.entry_note.problems.insert(problem);
                        } else {
                            c.entry_note.problems.remove(&problem);
                        }
                        c.entry_note.updated_at = platform::now();
                    })
                })
            />
            <div class="field">
                <label for=note_id.clone()>{t!(i18n, suggest.entry_note_text)}</label>
                <textarea
                    id=note_id
                    maxlength="500"
                    rows="3"
                    prop:value=move || {
                        state.choices.with(|cs| {
                            cs.iter()
                                .find(|c| c.id == id)
                                .map(|c| c.entry_note.text.clone())
                                .unwrap_or_default()
                        })
                    }
                    on:input=move |ev| {
                        let text = event_target_value(&ev);
                        state.update_choice(id, |c| {
                            c.entry_note.text = text;
                            c.entry_note.updated_at = platform::now();
                        });
                    }
                ></textarea>
            </div>
        }
        .into_any()
    };
    disclosure(
        "entry-note",
        None,
        has_note,
        view! { <summary>{t!(i18n, suggest.entry_note_title)}</summary> }.into_any(),
        Box::new(body),
    )
}
