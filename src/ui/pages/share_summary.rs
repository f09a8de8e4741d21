//! A one-page summary to print, save as PDF or send: who is on the map by circle (and a
//! picture of the map, black on white, on the printed page), who helps with what, and the
//! activities chosen with their plans, including what might get in the way. The text that
//! would be sent is shown in full before it leaves the device; names are always shown as text.

use genie_core::model::{Choice, ChoiceStatus, Circle, Network, SupportArea};
use genie_core::summary;
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::i18n::*;
use crate::platform::{self, ShareOutcome};
use crate::session::Session;
use crate::ui::components::network_map::display_name;
use crate::ui::components::{MapPicture, PageHeading, PictureStyle};
use crate::ui::labels::date_locale;
use crate::ui::labels::Labelled;
use crate::ui::route::Route;

/// The summary's content, in the person's language, for both the page and the text.
#[derive(Debug, Clone, PartialEq)]
struct Shared {
    made_on: String,
    /// Each circle's label and the names in it.
    circles: Vec<(&'static str, Vec<String>)>,
    /// Each area of help and who gives it.
    helps: Vec<(&'static str, Vec<String>)>,
    /// Each activity being tried, with its plan as lines.
    chosen: Vec<(String, Vec<String>)>,
}

impl Shared {
    fn new(network: &Network, choices: &[Choice], locale: Locale) -> Shared {
        let name = |id| {
            network
                .get(id)
                .map(|m| display_name(&m.name, locale).to_string())
                .unwrap_or_default()
        };
        let circles = Circle::ALL
            .iter()
            .map(|&circle| {
                let names = network
                    .members
                    .iter()
                    .filter(|m| m.circle == circle)
                    .map(|m| display_name(&m.name, locale).to_string())
                    .collect();
                (circle.label(locale), names)
            })
            .collect();
        let summary = summary::summarise(network);
        let helps = SupportArea::ALL
            .iter()
            .map(|&area| {
                let names = summary.helpers(area).iter().map(|&id| name(id)).collect();
                (area.label(locale), names)
            })
            .collect();
        let chosen = choices
            .iter()
            .filter(|c| c.status != ChoiceStatus::Stopped)
            .map(|choice| {
                let plan = &choice.plan;
                let mut lines = Vec::new();
                let step = plan.first_step.trim();
                if !step.is_empty() {
                    lines.push(td_string!(locale, share.first_step, step = step));
                }
                let when = plan.when_text.trim();
                if !when.is_empty() {
                    lines.push(td_string!(locale, share.when, when = when));
                }
                if let Some(member) = plan.with_member.filter(|&m| network.get(m).is_some()) {
                    lines.push(td_string!(locale, share.with, name = name(member)));
                }
                if let Some(mode) = plan.travel {
                    lines.push(td_string!(locale, share.travel, how = mode.label(locale)));
                }
                if !plan.expected_barriers.is_empty() {
                    let barriers: Vec<String> = plan
                        .expected_barriers
                        .iter()
                        .map(|b| b.label(locale).to_lowercase())
                        .collect();
                    lines.push(td_string!(
                        locale,
                        share.barriers,
                        barriers = barriers.join(td_string!(locale, share.barrier_separator))
                    ));
                }
                (choice.resource_name.clone(), lines)
            })
            .collect();
        Shared {
            made_on: td_string!(
                locale,
                share.made_on,
                date = platform::local_date(platform::now(), date_locale(locale))
            ),
            circles,
            helps,
            chosen,
        }
    }

    /// Exactly the words that are shared or saved.
    fn text(&self, locale: Locale) -> String {
        let nobody = td_string!(locale, share.nobody);
        let names = |names: &[String]| {
            if names.is_empty() {
                nobody.to_string()
            } else {
                names.join(td_string!(locale, list_separator))
            }
        };
        let line = |label: &str, names: String| {
            td_string!(locale, share.text_line, label = label, names = names).to_string()
        };
        let mut out = format!("{}\n{}\n", td_string!(locale, share.heading), self.made_on);
        out.push_str(&format!("\n{}\n", td_string!(locale, share.circles)));
        for (label, members) in &self.circles {
            out.push_str(&format!("{}\n", line(label, names(members))));
        }
        out.push_str(&format!("\n{}\n", td_string!(locale, share.helps)));
        for (label, helpers) in &self.helps {
            out.push_str(&format!("{}\n", line(label, names(helpers))));
        }
        out.push_str(&format!("\n{}\n", td_string!(locale, share.chosen)));
        if self.chosen.is_empty() {
            out.push_str(&format!("{}\n", td_string!(locale, share.chosen_none)));
        }
        for (name, lines) in &self.chosen {
            out.push_str(&format!(
                "{}\n",
                td_string!(locale, share.text_activity, name = name)
            ));
            for detail in lines {
                out.push_str(&format!(
                    "{}\n",
                    td_string!(locale, share.text_detail, line = detail)
                ));
            }
        }
        out
    }
}

/// What happened to the text.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Sent {
    Shared,
    Saved(String),
    Failed,
}

const TEXT_FILE: &str = "genie-summary.txt";

#[component]
pub fn ShareSummaryPage() -> impl IntoView {
    let i18n = use_i18n();
    let state = Session::expect();
    let shared = Memo::new(move |_| {
        let locale = i18n.get_locale();
        state.wave.with(|w| {
            state
                .choices
                .with(|choices| Shared::new(&w.network, choices, locale))
        })
    });
    let text = Memo::new(move |_| shared.with(|s| s.text(i18n.get_locale())));
    let sent = RwSignal::new(None::<Sent>);
    let can_share = platform::can_share();

    let list = move |rows: Vec<(&'static str, Vec<String>)>, test_id: &'static str| {
        let nobody = t_string!(i18n, share.nobody).to_string();
        let rows = rows
            .into_iter()
            .map(|(label, names)| {
                let names = if names.is_empty() {
                    nobody.clone()
                } else {
                    names.join(t_string!(i18n, list_separator))
                };
                view! {
                    <dt>{label}</dt>
                    <dd dir="auto">{names}</dd>
                }
            })
            .collect_view();
        view! { <dl class="support-list" data-testid=test_id>{rows}</dl> }
    };
    let chosen = move || {
        let chosen = shared.with(|s| s.chosen.clone());
        if chosen.is_empty() {
            return view! { <p>{t!(i18n, share.chosen_none)}</p> }.into_any();
        }
        let items = chosen
            .into_iter()
            .map(|(name, lines)| {
                let lines = lines
                    .into_iter()
                    .map(|line| view! { <li dir="auto">{line}</li> })
                    .collect_view();
                view! {
                    <li>
                        <strong dir="auto">{name}</strong>
                        <ul>{lines}</ul>
                    </li>
                }
            })
            .collect_view();
        view! { <ul class="printable-chosen">{items}</ul> }.into_any()
    };

    let share_now = move |_| {
        let title = t_string!(i18n, share.heading).to_string();
        let body = text.get_untracked();
        spawn_local(async move {
            let outcome = match platform::share_text(&title, &body).await {
                ShareOutcome::Shared => Some(Sent::Shared),
                ShareOutcome::Cancelled => None,
                ShareOutcome::Unavailable => Some(Sent::Failed),
            };
            sent.try_set(outcome);
        });
    };
    let save = move |_| {
        platform::save_file(&text.get_untracked(), "text/plain;charset=utf-8", TEXT_FILE);
        sent.set(Some(Sent::Saved(TEXT_FILE.to_string())));
    };
    let status = move || match sent.get() {
        Some(Sent::Shared) => t_string!(i18n, share.shared).to_string(),
        Some(Sent::Saved(file)) => t_string!(i18n, share.saved, file = file),
        Some(Sent::Failed) => t_string!(i18n, share.share_failed).to_string(),
        None => String::new(),
    };

    view! {
        <PageHeading>{t!(i18n, share.title)}</PageHeading>
        <p class="lead no-print">{t!(i18n, share.intro)}</p>
        <article class="printable" data-testid="printable-summary" aria-labelledby="printable-title">
            <h2 id="printable-title">{t!(i18n, share.heading)}</h2>
            <p>{move || shared.with(|s| s.made_on.clone())}</p>
            <h3>{t!(i18n, share.circles)}</h3>
            {move || list(shared.with(|s| s.circles.clone()), "printable-circles")}
            {move || {
                let network = state.wave.with(|w| w.network.clone());
                (!network.members.is_empty()).then(|| view! {
                    <MapPicture
                        network=network
                        label=t_string!(i18n, share.picture).to_string()
                        style=PictureStyle::Plain
                        test_id="printable-map"
                    />
                })
            }}
            <h3>{t!(i18n, share.helps)}</h3>
            {move || list(shared.with(|s| s.helps.clone()), "printable-helps")}
            <h3>{t!(i18n, share.chosen)}</h3>
            {chosen}
        </article>
        <div class="actions">
            <button type="button" class="button primary" on:click=|_| platform::print_page()>
                {t!(i18n, share.print)}
            </button>
        </div>
        <section class="no-print" aria-labelledby="send-title">
            <h2 id="send-title">{t!(i18n, share.send_title)}</h2>
            <p class="hint">{t!(i18n, share.preview_label)}</p>
            <div class="preview" dir="auto" data-testid="share-preview">{move || text.get()}</div>
            <div class="actions">
                {can_share.then(|| view! {
                    <button type="button" class="button" on:click=share_now>{t!(i18n, share.share)}</button>
                })}
                <button type="button" class="button" on:click=save>{t!(i18n, share.save)}</button>
            </div>
            <p class="result" role="status" data-testid="share-result">{status}</p>
        </section>
        <a class="back-link no-print" href=Route::YourData.href()>{t!(i18n, share.back)}</a>
    }
}
