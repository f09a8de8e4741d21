//! What got in the way, offered back: "You said cost got in the way. Show only free things?"

use genie_core::followup::{apply_offer, limit_offers, LimitOffer};
use leptos::prelude::*;

use crate::i18n::*;
use crate::session::Session;
use crate::ui::route::Route;

#[component]
pub fn LimitOffers() -> impl IntoView {
    let i18n = use_i18n();
    let state = Session::expect();
    move || {
        let offers = state
            .preferences
            .with(|prefs| state.choices.with(|cs| limit_offers(prefs, cs)));
        (!offers.is_empty()).then(|| {
            let items = offers
                .into_iter()
                .map(|offer| {
                    let accept = move |_| {
                        state.update_preferences(|p| apply_offer(offer, p));
                        state.announce(t_string!(i18n, offers.applied));
                    };
                    match offer {
                        LimitOffer::FreeOnly => view! {
                            <li data-offer="free_only">
                                <p>{t!(i18n, offers.cost)}</p>
                                <button type="button" class="button" on:click=accept>{t!(i18n, offers.free_only)}</button>
                            </li>
                        }
                        .into_any(),
                        LimitOffer::CloseToHome { km } => view! {
                            <li data-offer="close_to_home">
                                <p>{t!(i18n, offers.transport)}</p>
                                <button type="button" class="button" on:click=accept>
                                    {move || {
                                        let locale = i18n.get_locale();
                                        td_string!(locale, offers.close_to_home, km = intl::number(locale, f64::from(km)))
                                    }}
                                </button>
                            </li>
                        }
                        .into_any(),
                        LimitOffer::ReviewTimes => view! {
                            <li data-offer="review_times">
                                <p>{t!(i18n, offers.timing)}</p>
                                <a class="button" href=Route::Preferences.href()>{t!(i18n, offers.review_times)}</a>
                            </li>
                        }
                        .into_any(),
                        LimitOffer::SomeoneToGoWith => view! {
                            <li data-offer="someone_to_go_with">
                                <p>{t!(i18n, offers.someone)}</p>
                            </li>
                        }
                        .into_any(),
                    }
                })
                .collect_view();
            view! {
                <section class="notice offers" aria-labelledby="offers-title" data-testid="offers">
                    <h2 id="offers-title">{t!(i18n, offers.title)}</h2>
                    <ul>{items}</ul>
                </section>
            }
        })
    }
}
