//! "How are you doing?": the optional ONS4 and UCLA-3 questions with each map, and how the
//! answers moved since the person started, worded kindly.

use genie_core::followup::{
    loneliness, set_loneliness, set_ons4, trends, LonelinessItem, Measure, Ons4Item, Reading,
    ONS4_MAX, UCLA_ITEM_MAX, UCLA_ITEM_MIN,
};
use genie_core::model::Answer;
use leptos::prelude::*;

use crate::i18n::*;
use crate::session::Session;
use crate::ui::components::radio_option;

/// The form value of a declined answer ("Prefer not to answer").
const DECLINED: &str = "declined";

fn ons4_question(item: Ons4Item, locale: Locale) -> &'static str {
    match item {
        Ons4Item::LifeSatisfaction => td_string!(locale, wellbeing.life_satisfaction),
        Ons4Item::Worthwhile => td_string!(locale, wellbeing.worthwhile),
        Ons4Item::Happiness => td_string!(locale, wellbeing.happiness),
        Ons4Item::Anxiety => td_string!(locale, wellbeing.anxiety),
    }
}

fn loneliness_question(item: LonelinessItem, locale: Locale) -> &'static str {
    match item {
        LonelinessItem::LackCompanionship => td_string!(locale, wellbeing.lack_companionship),
        LonelinessItem::LeftOut => td_string!(locale, wellbeing.left_out),
        LonelinessItem::Isolated => td_string!(locale, wellbeing.isolated),
    }
}

fn measure_name(measure: Measure, locale: Locale) -> &'static str {
    match measure {
        Measure::Ons4(Ons4Item::LifeSatisfaction) => td_string!(locale, wellbeing.name_life),
        Measure::Ons4(Ons4Item::Worthwhile) => td_string!(locale, wellbeing.name_worthwhile),
        Measure::Ons4(Ons4Item::Happiness) => td_string!(locale, wellbeing.name_happiness),
        Measure::Ons4(Ons4Item::Anxiety) => td_string!(locale, wellbeing.name_anxiety),
        Measure::Loneliness => td_string!(locale, wellbeing.name_loneliness),
    }
}

/// The questions for the map being drawn now. Every one may be left unanswered.
#[component]
pub fn WellbeingForm() -> impl IntoView {
    let i18n = use_i18n();
    let state = Session::expect();
    let ons4_fields = Ons4Item::ALL
        .iter()
        .copied()
        .map(|item| {
            let id = format!("ons4-{}", item.as_str());
            // Three states: "" (not asked yet, the first option), "declined" or the number.
            let value = move || {
                let answer = state
                    .wave
                    .with(|w| w.wellbeing.map(|b| item.answer(&b)).unwrap_or_default());
                match answer {
                    Answer::NotAsked => String::new(),
                    Answer::Declined => DECLINED.to_string(),
                    Answer::Given(n) => n.to_string(),
                }
            };
            let options = (0..=ONS4_MAX)
                .map(|n| {
                    let label = move || match n {
                        0 => t_string!(i18n, wellbeing.zero, n = n),
                        ONS4_MAX => t_string!(i18n, wellbeing.ten, n = n),
                        _ => n.to_string(),
                    };
                    view! { <option value=n.to_string()>{label}</option> }
                })
                .collect_view();
            view! {
                <div class="field">
                    <label for=id.clone()>{move || ons4_question(item, i18n.get_locale())}</label>
                    <select
                        id=id
                        prop:value=value
                        on:change=move |ev| {
                            let word = event_target_value(&ev);
                            let answer = match word.parse::<u8>() {
                                Ok(n) => Answer::Given(n),
                                Err(_) if word == DECLINED => Answer::Declined,
                                Err(_) => Answer::NotAsked,
                            };
                            let language = i18n.get_locale_untracked().tag();
                            state.update_wave(|w| {
                                let mut ratings = w.wellbeing.unwrap_or_default();
                                if set_ons4(&mut ratings, item, answer).is_ok() {
                                    w.wellbeing = Some(ratings);
                                    w.answered_in = Some(language.to_string());
                                }
                            });
                        }
                    >
                        <option value="">{t!(i18n, wellbeing.not_answered)}</option>
                        {options}
                        <option value=DECLINED>{t!(i18n, wellbeing.prefer_not_to_answer)}</option>
                    </select>
                </div>
            }
        })
        .collect_view();
    let loneliness_fields = LonelinessItem::ALL
        .iter()
        .copied()
        .map(|item| {
            let name = format!("ucla-{}", item.as_str());
            // Nothing is selected until the person picks: "not asked yet" and "declined" are
            // different answers, on screen and in the export.
            let current = move || {
                state.wave.with(|w| {
                    w.loneliness
                        .map(|l| item.answer(&l))
                        .filter(|a| !a.is_not_asked())
                })
            };
            // Every answer, and "Prefer not to answer" (declined) last, so an answer can be
            // taken back as with the questions above.
            let pick = Callback::new(move |answer: Answer| {
                let language = i18n.get_locale_untracked().tag();
                state.update_wave(|w| {
                    let mut answers = w.loneliness.unwrap_or_default();
                    if set_loneliness(&mut answers, item, answer).is_ok() {
                        w.loneliness = Some(answers);
                        w.answered_in = Some(language.to_string());
                    }
                });
            });
            let options = (UCLA_ITEM_MIN..=UCLA_ITEM_MAX)
                .map(Answer::Given)
                .chain([Answer::Declined])
                .map(|answer| {
                    let label = Signal::derive(move || {
                        match answer {
                            Answer::Given(1) => t_string!(i18n, wellbeing.hardly_ever),
                            Answer::Given(2) => t_string!(i18n, wellbeing.some_of_the_time),
                            Answer::Given(_) => t_string!(i18n, wellbeing.often),
                            Answer::NotAsked | Answer::Declined => {
                                t_string!(i18n, wellbeing.prefer_not_to_answer)
                            }
                        }
                        .to_string()
                    });
                    let word = match answer {
                        Answer::Given(n) => n.to_string(),
                        Answer::NotAsked | Answer::Declined => DECLINED.to_string(),
                    };
                    radio_option(
                        name.clone(),
                        word,
                        answer,
                        label,
                        Signal::derive(current),
                        pick,
                    )
                })
                .collect_view();
            view! {
                <fieldset class="choices">
                    <legend>{move || loneliness_question(item, i18n.get_locale())}</legend>
                    {options}
                </fieldset>
            }
        })
        .collect_view();
    // Only when all three are answered: a total from some of the answers would mislead.
    let score = move || {
        let total = state
            .wave
            .with(|w| w.loneliness.and_then(|l| loneliness(&l).total))?;
        Some(view! {
            <p class="result" data-testid="loneliness-score">
                {t!(i18n, wellbeing.loneliness_score, total = total)}
            </p>
        })
    };
    view! {
        <section aria-labelledby="wellbeing-title" data-testid="wellbeing">
            <h2 id="wellbeing-title">{t!(i18n, wellbeing.title)}</h2>
            <details>
                <summary>{t!(i18n, wellbeing.open)}</summary>
                <p class="hint">{t!(i18n, wellbeing.intro)}</p>
                // The scales are validated in English; a translation says so until a published
                // validated wording is used (docs/follow-up.md).
                <Show when=move || t_string!(i18n, wellbeing.validated) != "yes">
                    <p class="hint" data-testid="not-validated">{t!(i18n, wellbeing.not_validated)}</p>
                </Show>
                <h3>{t!(i18n, wellbeing.ons4_title)}</h3>
                <p class="hint">{t!(i18n, wellbeing.ons4_hint)}</p>
                {ons4_fields}
                <h3>{t!(i18n, wellbeing.ucla_title)}</h3>
                {loneliness_fields}
                {score}
            </details>
        </section>
    }
}

/// How each answer moved since the person first gave it, worded kindly.
#[component]
pub fn WellbeingTrends() -> impl IntoView {
    let i18n = use_i18n();
    let state = Session::expect();
    move || {
        let found = trends(&state.all_waves());
        (!found.is_empty()).then(|| {
            let locale = i18n.get_locale();
            let items = found
                .into_iter()
                .map(|trend| {
                    let what = measure_name(trend.measure, locale);
                    let text = match trend.reading {
                        Reading::Better => td_string!(locale, wellbeing.trend_better, what = what, from = trend.first, to = trend.latest),
                        Reading::Worse => td_string!(locale, wellbeing.trend_worse, what = what, from = trend.first, to = trend.latest),
                        Reading::Same => td_string!(locale, wellbeing.trend_same, what = what, value = trend.latest),
                    };
                    view! { <li data-reading=format!("{:?}", trend.reading).to_lowercase()>{text}</li> }
                })
                .collect_view();
            view! {
                <section aria-labelledby="trends-title" data-testid="trends">
                    <h2 id="trends-title">{t!(i18n, wellbeing.trends_title)}</h2>
                    <ul>{items}</ul>
                    <p class="hint">{t!(i18n, wellbeing.trends_note)}</p>
                </section>
            }
        })
    }
}
