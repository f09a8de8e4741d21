//! Reminders that need no server: the next check-in or "take stock" as a calendar file the
//! person adds to their own calendar.

use genie_core::followup::{reminder_ics, schedule, DueItem, Milestone, Reminder};
use leptos::prelude::*;

use crate::i18n::*;
use crate::platform;
use crate::session::Session;

/// Reminders are set for ten in the morning on the day, local time: a kind hour to be asked.
const REMINDER_HOUR: u32 = 10;

#[component]
pub fn Reminders() -> impl IntoView {
    let i18n = use_i18n();
    let state = Session::expect();
    move || {
        let locale = i18n.get_locale();
        let waves = state.all_waves();
        let now = platform::now();
        let upcoming = state.choices.with(|choices| schedule(&waves, choices));
        let upcoming: Vec<_> = upcoming
            .into_iter()
            .filter(|d| d.at > now)
            .take(4)
            .collect();
        if upcoming.is_empty() {
            return None;
        }
        let items = upcoming
            .into_iter()
            .map(|due| {
                let (summary, uid) = match due.item {
                    DueItem::CheckIn { choice, round } => {
                        let name = state.choices.with(|cs| {
                            cs.iter()
                                .find(|c| c.id == choice)
                                .map(|c| c.resource_name.clone())
                                .unwrap_or_default()
                        });
                        (
                            td_string!(locale, reminders.check_in, name = name),
                            format!("check-in-{}-{}@genie", choice.0, round),
                        )
                    }
                    DueItem::TakeStock(milestone) => (
                        match milestone {
                            Milestone::SixMonths => td_string!(locale, reminders.six_months).to_string(),
                            Milestone::TwelveMonths => td_string!(locale, reminders.twelve_months).to_string(),
                        },
                        format!("take-stock-{}@genie", milestone.as_str()),
                    ),
                };
                let starts = platform::at_local_hour(due.at, REMINDER_HOUR);
                let date = platform::local_date(starts, crate::ui::labels::date_locale(locale));
                let label = td_string!(locale, reminders.add, what = summary.clone(), date = date);
                let description = td_string!(locale, reminders.description).to_string();
                view! {
                    <li>
                        <button
                            type="button"
                            class="button"
                            on:click=move |_| {
                                let ics = reminder_ics(
                                    &Reminder {
                                        uid: &uid,
                                        starts,
                                        minutes: 15,
                                        summary: &summary,
                                        description: &description,
                                    },
                                    platform::now(),
                                );
                                platform::save_file(&ics, "text/calendar;charset=utf-8", "genie-reminder.ics");
                            }
                        >
                            {label}
                        </button>
                    </li>
                }
            })
            .collect_view();
        Some(view! {
            <section aria-labelledby="reminders-title" data-testid="reminders">
                <h2 id="reminders-title">{t!(i18n, reminders.title)}</h2>
                <p>{t!(i18n, reminders.intro)}</p>
                <ul class="reminders">{items}</ul>
            </section>
        })
    }
}
