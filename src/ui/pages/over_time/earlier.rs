//! The maps kept when the person took stock, to look at as they were: the date, who was on it
//! by circle, and the picture. Nothing here can be changed.

use genie_core::layout::by_circle;
use genie_core::model::{Wave, WaveId};
use leptos::html::H3;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::compare::wave_label;
use crate::i18n::*;
use crate::platform;
use crate::session::Session;
use crate::ui::components::network_map::display_name;
use crate::ui::components::{MapPicture, PictureStyle};
use crate::ui::labels::{date_locale, Labelled};

/// The id of the button that opens an earlier map, to give focus back to it.
fn opener_id(id: WaveId) -> String {
    format!("earlier-open-{}", id.0)
}

#[component]
pub fn EarlierMaps() -> impl IntoView {
    let i18n = use_i18n();
    let state = Session::expect();
    let shown = RwSignal::new(None::<WaveId>);
    let buttons = move || {
        let locale = i18n.get_locale();
        state.closed_waves.with(|waves| {
            waves
                .iter()
                .map(|wave| {
                    let id = wave.id;
                    let text = td_string!(
                        locale,
                        over_time.earlier_open,
                        map = wave_label(wave, locale)
                    );
                    view! {
                        <li>
                            <button
                                type="button"
                                class="button"
                                id=opener_id(id)
                                aria-expanded=move || (shown.get() == Some(id)).to_string()
                                aria-controls=move || (shown.get() == Some(id)).then_some("earlier-map")
                                on:click=move |_| {
                                    shown.update(|s| *s = if *s == Some(id) { None } else { Some(id) });
                                }
                            >
                                {text}
                            </button>
                        </li>
                    }
                })
                .collect_view()
        })
    };
    let close = Callback::new(move |id: WaveId| {
        shown.set(None);
        if let Some(button) = document()
            .get_element_by_id(&opener_id(id))
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
        {
            let _ = button.focus();
        }
    });
    let opened = move || {
        let id = shown.get()?;
        let wave = state
            .closed_waves
            .with(|waves| waves.iter().find(|w| w.id == id).cloned())?;
        Some(view! { <EarlierMap wave=wave close=close /> })
    };
    view! {
        <section aria-labelledby="earlier-title" data-testid="earlier-maps">
            <h2 id="earlier-title">{t!(i18n, over_time.earlier_title)}</h2>
            <p class="hint">{t!(i18n, over_time.earlier_hint)}</p>
            <ul class="earlier-list">{buttons}</ul>
            {opened}
        </section>
    }
}

/// One kept map, read-only.
#[component]
fn EarlierMap(wave: Wave, close: Callback<WaveId>) -> impl IntoView {
    let i18n = use_i18n();
    let locale = i18n.get_locale_untracked();
    let heading = NodeRef::<H3>::new();
    // Take the keyboard and the screen reader to the map just opened.
    Effect::new(move |_| {
        if let Some(h3) = heading.get() {
            let _ = h3.focus();
        }
    });
    let id = wave.id;
    let title = wave_label(&wave, locale);
    let kept = wave.closed_at.map(|at| {
        td_string!(
            locale,
            over_time.earlier_kept,
            date = platform::local_date(at, date_locale(locale))
        )
    });
    let count = wave.network.members.len();
    let circles = by_circle(&wave.network)
        .into_iter()
        .map(|group| {
            let items = if group.members.is_empty() {
                view! { <li class="hint">{td_string!(locale, over_time.earlier_nobody)}</li> }
                    .into_any()
            } else {
                group
                    .members
                    .iter()
                    .map(|m| {
                        let text = td_string!(
                            locale,
                            over_time.earlier_member,
                            name = display_name(&m.name, locale).to_string(),
                            kind = m.kind.label(locale).to_lowercase()
                        );
                        view! { <li dir="auto">{text}</li> }
                    })
                    .collect_view()
                    .into_any()
            };
            let circle_title = td_string!(
                locale,
                over_time.earlier_circle,
                circle = group.circle.label(locale),
                count = group.members.len()
            );
            view! {
                <h4>{circle_title}</h4>
                <ul class="earlier-circle" data-circle=group.circle.as_str()>{items}</ul>
            }
        })
        .collect_view();
    let picture_label = td_string!(
        locale,
        over_time.earlier_picture,
        map = title.clone(),
        count = count
    );
    view! {
        <section
            id="earlier-map"
            class="earlier-map"
            aria-labelledby="earlier-map-title"
            data-testid="earlier-map"
            data-wave=id.0
        >
            <h3 id="earlier-map-title" node_ref=heading tabindex="-1">{title}</h3>
            {kept.map(|kept| view! { <p class="hint">{kept}</p> })}
            <p>{td_string!(locale, over_time.earlier_count, count = count)}</p>
            <MapPicture
                network=wave.network.clone()
                label=picture_label
                style=PictureStyle::Colour
                test_id="earlier-picture"
            />
            {circles}
            <button type="button" class="button" on:click=move |_| close.run(id)>
                {td_string!(locale, over_time.earlier_close)}
            </button>
        </section>
    }
}
