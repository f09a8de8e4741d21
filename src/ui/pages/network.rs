//! "Your network": add members, and see them as a map or as a list.

use genie_core::model::{
    Circle, ContactFrequency, DormantActivity, MemberId, MemberKind, Relationship,
};
use leptos::html::Input;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::i18n::*;
use crate::platform::drafts;
use crate::session::Session;
use crate::ui::components::network_map::{display_name, moved_message};
use crate::ui::components::{KindIcon, NetworkMap, PageHeading, RadioGroup, SelectField};
use crate::ui::labels::{circle_hint, Labelled};
use crate::ui::route::Route;

/// The network page, showing the map or the list.
#[component]
pub fn NetworkPage(
    /// Show the list rather than the map.
    list: bool,
) -> impl IntoView {
    let i18n = use_i18n();
    let state = Session::expect();
    let count = move || state.wave.with(|w| w.network.members.len());
    // The map comes first; the add form opens on request. It starts open when there is
    // nothing to see yet, or when a name typed before a reload is waiting to be added.
    let adding = RwSignal::new(
        state.wave.with_untracked(|w| w.network.members.is_empty())
            || !drafts::load(NAME_DRAFT).trim().is_empty(),
    );
    let toggle = move |_| {
        let open = !adding.get_untracked();
        adding.set(open);
        if open {
            focus_first_later(vec!["#member-name".to_string()]);
        }
    };
    let done = Callback::new(move |()| {
        adding.set(false);
        focus_first_later(vec!["#add-open".to_string()]);
    });
    view! {
        <PageHeading>{t!(i18n, network.title)}</PageHeading>
        <p class="lead">{t!(i18n, network.intro)}</p>
        <UndoRemove />
        <div class="network-tools">
            <button
                type="button"
                class="button primary add-open"
                id="add-open"
                aria-expanded=move || if adding.get() { "true" } else { "false" }
                aria-controls="add-member"
                on:click=toggle
            >
                {t!(i18n, network.add_open)}
            </button>
        </div>
        <Show when=move || adding.get()>
            <AddMemberForm done=done />
        </Show>
        <div class="view-row">
            <nav class="view-switch" aria-label=move || t_string!(i18n, network.view_label)>
                <a
                    class="button"
                    href=Route::Network { list: false }.href()
                    aria-current=if list { None } else { Some("page") }
                >
                    {t!(i18n, network.view_map)}
                </a>
                <a
                    class="button"
                    href=Route::Network { list: true }.href()
                    aria-current=if list { Some("page") } else { None }
                >
                    {t!(i18n, network.view_list)}
                </a>
            </nav>
            <p class="count" data-testid="member-count">
                {move || t_string!(i18n, network.count, count = count())}
            </p>
        </div>
        {move || {
            if count() == 0 {
                view! { <p class="empty">{t!(i18n, network.empty)}</p> }.into_any()
            } else if list {
                view! { <MemberList /> }.into_any()
            } else {
                // The keyboard help follows the map, so the map itself is in the first screen.
                view! {
                    <NetworkMap />
                    <p class="hint" id="map-keys">{t!(i18n, network.map_keys)}</p>
                }
                    .into_any()
            }
        }}
        <PlannedActivities />
        <DormantActivities />
        <div class="actions next-step">
            <a class="button primary" href=Route::Summary.href()>{t!(i18n, network.next_summary)}</a>
        </div>
    }
}

/// A quick form to add one member after another.
/// Where the name being typed for a new member is kept until it is added.
const NAME_DRAFT: &str = "new-member-name";

/// Where the name of an activity the person stopped doing is kept until it is added.
const DORMANT_DRAFT: &str = "new-dormant-activity";

#[component]
fn AddMemberForm(
    /// Closes the form ("Done adding").
    done: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let state = Session::expect();
    // Kept as typed, so a reload before pressing Add loses nothing.
    let name = RwSignal::new(drafts::load(NAME_DRAFT));
    let kind = RwSignal::new(Some(MemberKind::Person));
    let circle = RwSignal::new(Some(Circle::Inner));
    let relationship = RwSignal::new(None::<Relationship>);
    let contact = RwSignal::new(None::<ContactFrequency>);
    let problem = RwSignal::new(false);
    let name_input = NodeRef::<Input>::new();

    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let label = name.get_untracked().trim().to_string();
        if label.is_empty() {
            problem.set(true);
            if let Some(input) = name_input.get_untracked() {
                let _ = input.focus();
            }
            return;
        }
        problem.set(false);
        let kind_now = kind.get_untracked().unwrap_or(MemberKind::Person);
        let circle_now = circle.get_untracked().unwrap_or(Circle::Inner);
        let relationship_now = relationship
            .get_untracked()
            .filter(|_| kind_now == MemberKind::Person);
        let contact_now = contact.get_untracked();
        state.update_network(|net| {
            let id = net.add(label.clone(), kind_now, circle_now);
            if let Some(member) = net.get_mut(id) {
                member.relationship = relationship_now;
                member.contact = contact_now;
            }
        });
        let locale = i18n.get_locale_untracked();
        state.announce(match circle_now {
            Circle::Inner => td_string!(locale, network.added_to.inner, name = label.as_str()),
            Circle::Middle => td_string!(locale, network.added_to.middle, name = label.as_str()),
            Circle::Outer => td_string!(locale, network.added_to.outer, name = label.as_str()),
        });
        // Each add starts fresh, so the next one never lands silently in this one's circle.
        name.set(String::new());
        drafts::save(NAME_DRAFT, "");
        kind.set(Some(MemberKind::Person));
        circle.set(Some(Circle::Inner));
        relationship.set(None);
        contact.set(None);
        if let Some(input) = name_input.get_untracked() {
            let _ = input.focus();
        }
    };

    view! {
        <form class="stack add-member" id="add-member" on:submit=add aria-labelledby="add-title">
            <h2 id="add-title">{t!(i18n, network.add_title)}</h2>
            <div class="field">
                <label for="member-name">{t!(i18n, network.name_label)}</label>
                <p class="hint" id="member-name-hint">{t!(i18n, network.name_hint)}</p>
                <input
                    id="member-name"
                    type="text"
                    node_ref=name_input
                    maxlength="200"
                    autocomplete="off"
                    aria-describedby="member-name-hint member-name-problem"
                    aria-invalid=move || problem.get().then_some("true")
                    prop:value=move || name.get()
                    on:input=move |ev| {
                        let typed = event_target_value(&ev);
                        drafts::save(NAME_DRAFT, &typed);
                        name.set(typed);
                    }
                />
                <p class="problem" id="member-name-problem" role="alert">
                    {move || problem.get().then(|| t_string!(i18n, network.name_missing))}
                </p>
            </div>
            <RadioGroup
                legend=Signal::derive(move || t_string!(i18n, network.kind_legend).to_string())
                name="new-kind"
                value=kind
                on_change=Callback::new(move |k| kind.set(k))
            />
            <Show when=move || kind.get() == Some(MemberKind::Person)>
                <SelectField
                    label=Signal::derive(move || t_string!(i18n, network.relationship_label).to_string())
                    id="new-relationship"
                    value=relationship
                    on_change=Callback::new(move |r| relationship.set(r))
                />
            </Show>
            <SelectField
                label=Signal::derive(move || t_string!(i18n, network.contact_label).to_string())
                id="new-contact"
                value=contact
                on_change=Callback::new(move |c| contact.set(c))
            />
            <RadioGroup
                legend=Signal::derive(move || t_string!(i18n, network.circle_legend).to_string())
                name="new-circle"
                value=circle
                on_change=Callback::new(move |c| circle.set(c))
                describe=circle_hint
            />
            <div class="actions">
                <button type="submit" class="button primary">{t!(i18n, network.add)}</button>
                <button type="button" class="button" on:click=move |_| done.run(())>
                    {t!(i18n, network.add_done)}
                </button>
            </div>
        </form>
    }
}

/// Removes a member (kept for Undo) and says so through the page's announcement region.
pub fn remove_member_announced(state: Session, id: MemberId, locale: Locale) {
    if let Some(name) = state.remove_member(id) {
        let name = display_name(&name, locale);
        state.announce(td_string!(locale, network.removed, name = name).to_string());
    }
}

/// Once the page has been redrawn, focuses the first element found by the first selector that
/// finds one, so the keyboard stays where the person was working.
pub fn focus_first_later(selectors: Vec<String>) {
    request_animation_frame(move || {
        let found = selectors
            .iter()
            .find_map(|selector| document().query_selector(selector).ok().flatten());
        if let Some(element) = found {
            if let Some(html) = element.dyn_ref::<web_sys::HtmlElement>() {
                let _ = html.focus();
            } else if let Some(svg) = element.dyn_ref::<web_sys::SvgElement>() {
                let _ = svg.focus();
            }
        }
    });
}

/// "Pat removed from your map. [Undo]"
#[component]
fn UndoRemove() -> impl IntoView {
    let i18n = use_i18n();
    let state = Session::expect();
    let undo = move |_| {
        let restored = state
            .last_removed
            .with_untracked(|r| r.as_ref().map(|(m, _)| (m.id, m.name.clone())));
        state.undo_remove();
        if let Some((id, name)) = restored {
            let locale = i18n.get_locale_untracked();
            let name = display_name(&name, locale);
            state.announce(td_string!(locale, network.restored, name = name).to_string());
            // Back to the member put back: its row in the list, or its place on the map.
            focus_first_later(vec![
                format!("li.member-row[data-member=\"{}\"] a.button", id.0),
                format!("[data-testid=network-map] [data-member=\"{}\"]", id.0),
                "#member-name".to_string(),
            ]);
        }
    };
    move || {
        state.last_removed.with(|removed| {
            removed.as_ref().map(|(member, _)| {
                let name = member.name.clone();
                view! {
                    <div class="undo-bar">
                        <p>
                            {move || {
                                t_string!(
                                    i18n,
                                    network.removed,
                                    name = display_name(&name, i18n.get_locale())
                                )
                                .to_string()
                            }}
                        </p>
                        <button type="button" class="button" id="undo-remove" on:click=undo>
                            {t!(i18n, network.undo)}
                        </button>
                    </div>
                }
            })
        })
    }
}

/// Every member, by circle, with the same actions as the map has.
#[component]
fn MemberList() -> impl IntoView {
    let i18n = use_i18n();
    let state = Session::expect();
    let section = move |circle: Circle| {
        let members = move || {
            state.wave.with(|w| {
                w.network
                    .in_circle(circle)
                    .map(|m| (m.id, m.name.clone(), m.kind, m.relationship))
                    .collect::<Vec<_>>()
            })
        };
        view! {
            <section class="circle-list" aria-labelledby=format!("list-{}", circle.as_str())>
                <h2 id=format!("list-{}", circle.as_str())>
                    {move || circle.label(i18n.get_locale())}
                </h2>
                <p class="hint">{move || circle_hint(circle, i18n.get_locale())}</p>
                <ul class="member-list">
                    <For each=members key=|m| m.clone() let:m>
                        <MemberRow id=m.0 name=m.1 kind=m.2 relationship=m.3 circle=circle />
                    </For>
                </ul>
            </section>
        }
    };
    view! { {section(Circle::Inner)} {section(Circle::Middle)} {section(Circle::Outer)} }
}

#[component]
fn MemberRow(
    id: genie_core::model::MemberId,
    name: String,
    kind: MemberKind,
    relationship: Option<Relationship>,
    circle: Circle,
) -> impl IntoView {
    let i18n = use_i18n();
    let state = Session::expect();
    let shown = name.clone();
    let move_to = move |to: Option<Circle>, name: String, action: &'static str| {
        if let Some(to) = to {
            state.update_network(|net| {
                if let Some(m) = net.get_mut(id) {
                    m.circle = to;
                    m.pinned = None;
                }
            });
            state.announce(moved_message(i18n.get_locale_untracked(), &name, to));
            // The row is drawn anew in its new circle: keep the keyboard on the same button
            // there, or on its Change link when that button no longer applies.
            let row = format!("li.member-row[data-member=\"{}\"]", id.0);
            focus_first_later(vec![
                format!("{row} button[data-action={action}]:not([disabled])"),
                format!("{row} a.button"),
            ]);
        }
    };
    let (closer_name, further_name) = (name.clone(), name.clone());
    // Each row's buttons say whom they act on, for screen readers that list buttons.
    let name_id = format!("member-{}-name", id.0);
    view! {
        <li class="member-row" data-member=id.0>
            <div class="member-what">
                <KindIcon kind=kind />
                <span class="member-name" id=name_id.clone() dir="auto">{move || display_name(&shown, i18n.get_locale()).to_string()}</span>
                <span class="member-kind">
                    {move || {
                        let locale = i18n.get_locale();
                        relationship.map(|r| r.label(locale)).unwrap_or_else(|| kind.label(locale))
                    }}
                </span>
            </div>
            <div class="member-actions">
                <a class="button" href=Route::Member(id).href() aria-describedby=name_id.clone()>{t!(i18n, network.edit)}</a>
                <button
                    type="button"
                    class="button"
                    disabled=circle.closer().is_none()
                    aria-describedby=name_id.clone()
                    data-action="closer"
                    on:click=move |_| move_to(circle.closer(), closer_name.clone(), "closer")
                >
                    {t!(i18n, network.closer)}
                </button>
                <button
                    type="button"
                    class="button"
                    disabled=circle.further().is_none()
                    aria-describedby=name_id.clone()
                    data-action="further"
                    on:click=move |_| move_to(circle.further(), further_name.clone(), "further")
                >
                    {t!(i18n, network.further)}
                </button>
                <button
                    type="button"
                    class="button"
                    aria-describedby=name_id.clone()
                    data-action="remove"
                    on:click=move |_| {
                        remove_member_announced(state, id, i18n.get_locale_untracked());
                        focus_first_later(vec!["#undo-remove".to_string()]);
                    }
                >
                    {t!(i18n, network.remove)}
                </button>
            </div>
        </li>
    }
}

/// The activities chosen from the suggestions: part of the network now, as plans.
#[component]
fn PlannedActivities() -> impl IntoView {
    let i18n = use_i18n();
    let state = Session::expect();
    let planned = move || {
        state.choices.with(|cs| {
            cs.iter()
                // Once put on the map it is part of the network, no longer a plan.
                .filter(|c| c.is_planned())
                .map(|c| (c.id, c.resource_name.clone()))
                .collect::<Vec<_>>()
        })
    };
    move || {
        let planned = planned();
        (!planned.is_empty()).then(|| {
            let items = planned
                .into_iter()
                .map(|(id, name)| view! { <li data-choice=id.0 dir="auto">{name}</li> })
                .collect_view();
            view! {
                <section class="planned" aria-labelledby="planned-title" data-testid="planned">
                    <h2 id="planned-title">{t!(i18n, network.planned_title)}</h2>
                    <ul>{items}</ul>
                    <a class="button" href=Route::Suggestions.href()>{t!(i18n, network.planned_link)}</a>
                </section>
            }
        })
    }
}

/// Things the person used to enjoy and has stopped: possible ways back in.
#[component]
fn DormantActivities() -> impl IntoView {
    let i18n = use_i18n();
    let state = Session::expect();
    // Kept as a draft until "Add" is pressed, so a reload loses nothing typed.
    let text = RwSignal::new(drafts::load(DORMANT_DRAFT));
    let problem = RwSignal::new(false);
    let input = NodeRef::<Input>::new();
    // The activity removed last and where it was, for Undo.
    let removed = RwSignal::new(None::<(usize, DormantActivity)>);
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let label = text.get_untracked().trim().to_string();
        if label.is_empty() {
            problem.set(true);
            if let Some(input) = input.get_untracked() {
                let _ = input.focus();
            }
            return;
        }
        problem.set(false);
        state.update_network(|net| {
            net.dormant.push(DormantActivity {
                label,
                why_stopped: String::new(),
            })
        });
        text.set(String::new());
        drafts::save(DORMANT_DRAFT, "");
    };
    let remove = move |index: usize| {
        let mut taken = None;
        state.update_network(|net| {
            if index < net.dormant.len() {
                taken = Some(net.dormant.remove(index));
            }
        });
        if let Some(activity) = taken {
            let locale = i18n.get_locale_untracked();
            let label = activity.label.clone();
            state.announce(
                td_string!(locale, network.dormant_removed, label = label.as_str()).to_string(),
            );
            removed.set(Some((index, activity)));
            focus_first_later(vec!["#dormant-undo".to_string()]);
        }
    };
    let undo = move |_| {
        let Some((index, activity)) = removed.get_untracked() else {
            return;
        };
        removed.set(None);
        let label = activity.label.clone();
        let mut at = index;
        state.update_network(|net| {
            at = index.min(net.dormant.len());
            net.dormant.insert(at, activity);
        });
        let locale = i18n.get_locale_untracked();
        state.announce(
            td_string!(locale, network.dormant_restored, label = label.as_str()).to_string(),
        );
        focus_first_later(vec![
            format!("#dormant-{at}-remove"),
            "#dormant-new".to_string(),
        ]);
    };
    let items = move || {
        state.wave.with(|w| {
            w.network
                .dormant
                .iter()
                .enumerate()
                .map(|(index, d)| (index, d.label.clone()))
                .collect::<Vec<_>>()
        })
    };
    view! {
        <section class="dormant" aria-labelledby="dormant-title">
            <h2 id="dormant-title">{t!(i18n, network.dormant_title)}</h2>
            <p class="hint">{t!(i18n, network.dormant_hint)}</p>
            <ul class="dormant-list" data-testid="dormant-list">
                {move || {
                    items()
                        .into_iter()
                        .map(|(index, label)| {
                            let item_id = format!("dormant-{index}");
                            view! {
                                <li>
                                    <span id=item_id.clone() dir="auto">{label}</span>
                                    <button
                                        type="button"
                                        class="button"
                                        id=format!("dormant-{index}-remove")
                                        aria-describedby=item_id
                                        on:click=move |_| remove(index)
                                    >
                                        {t!(i18n, network.dormant_remove)}
                                    </button>
                                </li>
                            }
                        })
                        .collect_view()
                }}
            </ul>
            {move || {
                removed
                    .with(|r| r.as_ref().map(|(_, activity)| activity.label.clone()))
                    .map(|label| {
                        view! {
                            <div class="undo-bar" data-testid="dormant-undo-bar">
                                <p dir="auto">
                                    {move || {
                                        t_string!(i18n, network.dormant_removed, label = label.as_str())
                                            .to_string()
                                    }}
                                </p>
                                <button type="button" class="button" id="dormant-undo" on:click=undo>
                                    {t!(i18n, network.undo)}
                                </button>
                            </div>
                        }
                    })
            }}
            <form class="inline-form" on:submit=add>
                <div class="field">
                    <label for="dormant-new">{t!(i18n, network.dormant_label)}</label>
                    <input
                        id="dormant-new"
                        type="text"
                        node_ref=input
                        maxlength="200"
                        autocomplete="off"
                        aria-describedby="dormant-new-problem"
                        aria-invalid=move || problem.get().then_some("true")
                        prop:value=move || text.get()
                        on:input=move |ev| {
                            let typed = event_target_value(&ev);
                            drafts::save(DORMANT_DRAFT, &typed);
                            if !typed.trim().is_empty() {
                                problem.set(false);
                            }
                            text.set(typed);
                        }
                    />
                    <p class="problem" id="dormant-new-problem" role="alert">
                        {move || problem.get().then(|| t_string!(i18n, network.dormant_missing))}
                    </p>
                </div>
                <button type="submit" class="button">{t!(i18n, network.dormant_add)}</button>
            </form>
        </section>
    }
}
