//! One member in full: what they are, how close, how often in touch, how they help, and what
//! the person does for them. Every change is saved as it is made.

use genie_core::model::{
    Circle, ContactFrequency, MemberField, MemberId, MemberKind, Relationship, SupportArea,
    SupportTask,
};
use leptos::prelude::*;

use crate::i18n::*;
use crate::session::Session;
use crate::ui::components::network_map::display_name;
use crate::ui::components::{CheckboxGroup, PageHeading, RadioGroup, SelectField};
use crate::ui::labels::{circle_hint, Labelled};
use crate::ui::pages::network::remove_member_announced;
use crate::ui::route::Route;

/// The page for one member.
#[component]
pub fn MemberPage(
    /// Which member.
    id: MemberId,
) -> impl IntoView {
    let i18n = use_i18n();
    let state = Session::expect();
    let exists = move || state.wave.with(|w| w.network.get(id).is_some());
    view! {
        <Show
            when=exists
            fallback=move || {
                view! {
                    <PageHeading>{t!(i18n, member.not_found)}</PageHeading>
                    <a class="button" href=Route::Network { list: true }.href()>
                        {t!(i18n, member.back)}
                    </a>
                }
            }
        >
            <MemberForm id=id />
        </Show>
    }
}

#[component]
fn MemberForm(id: MemberId) -> impl IntoView {
    let i18n = use_i18n();
    let state = Session::expect();
    // Reads one field of this member, tracking changes.
    let field = move |read: fn(&genie_core::model::Member) -> Option<String>| {
        state.wave.with(|w| w.network.get(id).and_then(read))
    };
    let name = Signal::derive(move || field(|m| Some(m.name.clone())).unwrap_or_default());
    let shown_name = move || display_name(&name.get(), i18n.get_locale()).to_string();
    // An emptied name is kept as typed (the map shows "(no name)"), with a message until fixed.
    let name_missing = move || name.with(|n| n.trim().is_empty());
    let edit = move |change: Box<dyn FnOnce(&mut genie_core::model::Member)>| {
        state.update_network(move |net| {
            if let Some(member) = net.get_mut(id) {
                change(member);
            }
        })
    };
    let kind = Signal::derive(move || state.wave.with(|w| w.network.get(id).map(|m| m.kind)));
    let circle = Signal::derive(move || state.wave.with(|w| w.network.get(id).map(|m| m.circle)));
    let relationship = Signal::derive(move || {
        state
            .wave
            .with(|w| w.network.get(id).and_then(|m| m.relationship))
    });
    let contact = Signal::derive(move || {
        state
            .wave
            .with(|w| w.network.get(id).and_then(|m| m.contact))
    });
    let gives = Signal::derive(move || {
        state.wave.with(|w| {
            w.network
                .get(id)
                .map(|m| m.gives.clone())
                .unwrap_or_default()
        })
    });
    let receives = Signal::derive(move || {
        state.wave.with(|w| {
            w.network
                .get(id)
                .map(|m| m.receives.clone())
                .unwrap_or_default()
        })
    });
    let notes = move || field(|m| Some(m.notes.clone())).unwrap_or_default();

    let areas = SupportArea::ALL
        .iter()
        .copied()
        .map(|area| {
            let name_attr: &'static str = match area {
                SupportArea::Illness => "gives-illness",
                SupportArea::Everyday => "gives-everyday",
                SupportArea::Emotional => "gives-emotional",
            };
            view! {
                <CheckboxGroup
                    legend=Signal::derive(move || area.label(i18n.get_locale()).to_string())
                    name=name_attr
                    options=area.tasks().collect()
                    value=gives
                    on_toggle=Callback::new(move |(task, on): (SupportTask, bool)| {
                        let mut gives = gives.get_untracked();
                        if on {
                            gives.insert(task);
                        } else {
                            gives.remove(&task);
                        }
                        state.edit_member(id, MemberField::Gives(gives));
                    })
                />
            }
        })
        .collect_view();

    view! {
        <PageHeading>{move || t_string!(i18n, member.title, name = shown_name())}</PageHeading>
        <a class="back-link" href=Route::Network { list: true }.href()>{t!(i18n, member.back)}</a>
        <form class="stack" on:submit=|ev| ev.prevent_default()>
            <div class="field">
                <label for="member-edit-name">{t!(i18n, network.name_label)}</label>
                <input
                    id="member-edit-name"
                    type="text"
                    maxlength="200"
                    autocomplete="off"
                    aria-describedby="member-edit-name-problem"
                    aria-invalid=move || name_missing().then_some("true")
                    prop:value=name
                    on:input=move |ev| {
                        let value = event_target_value(&ev);
                        state.edit_member(id, MemberField::Name(value));
                    }
                />
                <p class="problem" id="member-edit-name-problem" role="alert">
                    {move || name_missing().then(|| t_string!(i18n, network.name_missing))}
                </p>
            </div>
            <RadioGroup
                legend=Signal::derive(move || t_string!(i18n, network.kind_legend).to_string())
                name="edit-kind"
                value=kind
                on_change=Callback::new(move |k: Option<MemberKind>| {
                    if let Some(k) = k {
                        edit(Box::new(move |m| {
                            m.kind = k;
                            if k != MemberKind::Person {
                                m.relationship = None;
                            }
                        }));
                    }
                })
            />
            <Show when=move || kind.get() == Some(MemberKind::Person)>
                <SelectField
                    label=Signal::derive(move || t_string!(i18n, network.relationship_label).to_string())
                    id="edit-relationship"
                    value=relationship
                    on_change=Callback::new(move |r: Option<Relationship>| {
                        state.edit_member(id, MemberField::Relationship(r))
                    })
                />
            </Show>
            <RadioGroup
                legend=Signal::derive(move || t_string!(i18n, network.circle_legend).to_string())
                name="edit-circle"
                value=circle
                describe=circle_hint
                on_change=Callback::new(move |c: Option<Circle>| {
                    if let Some(c) = c {
                        edit(Box::new(move |m| {
                            m.circle = c;
                            m.pinned = None;
                        }));
                    }
                })
            />
            <SelectField
                label=Signal::derive(move || t_string!(i18n, network.contact_label).to_string())
                id="edit-contact"
                value=contact
                on_change=Callback::new(move |c: Option<ContactFrequency>| {
                    state.edit_member(id, MemberField::Contact(c))
                })
            />
            <section class="stack" aria-labelledby="gives-title">
                <h2 id="gives-title">{move || t_string!(i18n, member.gives_legend, name = shown_name())}</h2>
                <p class="hint">{t!(i18n, member.gives_hint)}</p>
                {areas}
            </section>
            <CheckboxGroup
                legend=Signal::derive(move || t_string!(i18n, member.receives_legend, name = shown_name()))
                name="receives"
                value=receives
                on_toggle=Callback::new(move |(area, on): (SupportArea, bool)| {
                    let mut receives = receives.get_untracked();
                    if on {
                        receives.insert(area);
                    } else {
                        receives.remove(&area);
                    }
                    state.edit_member(id, MemberField::Receives(receives));
                })
            />
            <KnowsWho id=id name=Signal::derive(shown_name) />
            <div class="field">
                <label for="member-notes">{t!(i18n, member.notes_label)}</label>
                <textarea
                    id="member-notes"
                    rows="3"
                    prop:value=notes
                    on:input=move |ev| {
                        let value = event_target_value(&ev);
                        state.edit_member(id, MemberField::Notes(value));
                    }
                ></textarea>
            </div>
            <div class="actions">
                <a class="button primary" href=Route::Network { list: true }.href()>{t!(i18n, member.back)}</a>
                <button
                    type="button"
                    class="button danger"
                    on:click=move |_| {
                        remove_member_announced(state, id, i18n.get_locale_untracked());
                        Route::Network { list: true }.go();
                    }
                >
                    {move || t_string!(i18n, member.remove_confirm, name = shown_name())}
                </button>
            </div>
        </form>
    }
}

/// Ticks for the other members this one knows: the ties drawn on the map.
#[component]
fn KnowsWho(id: MemberId, name: Signal<String>) -> impl IntoView {
    let i18n = use_i18n();
    let state = Session::expect();
    let others = move || {
        state.wave.with(|w| {
            w.network
                .members
                .iter()
                .filter(|m| m.id != id)
                .map(|m| {
                    let tied = w
                        .network
                        .ties
                        .iter()
                        .any(|t| t.touches(id) && t.touches(m.id));
                    (m.id, m.name.clone(), tied)
                })
                .collect::<Vec<_>>()
        })
    };
    view! {
        <fieldset class="choices">
            <legend>{move || t_string!(i18n, member.knows_legend, name = name.get())}</legend>
            <p class="hint">{t!(i18n, member.knows_hint)}</p>
            {move || {
                let others = others();
                if others.is_empty() {
                    return view! { <p>{t!(i18n, member.knows_nobody_else)}</p> }.into_any();
                }
                others
                    .into_iter()
                    .map(|(other, other_name, tied)| {
                        view! {
                            <label class="choice">
                                <input
                                    type="checkbox"
                                    name="knows"
                                    value=other.0
                                    prop:checked=tied
                                    on:change=move |ev| {
                                        let on = event_target_checked(&ev);
                                        state.update_network(|net| {
                                            if on {
                                                net.tie(id, other);
                                            } else {
                                                net.untie(id, other);
                                            }
                                        });
                                    }
                                />
                                <span dir="auto">
                                    {move || display_name(&other_name, i18n.get_locale()).to_string()}
                                </span>
                            </label>
                        }
                    })
                    .collect_view()
                    .into_any()
            }}
        </fieldset>
    }
}
