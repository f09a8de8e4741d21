//! What a person needs to decide about a suggestion: what it costs, when it runs, where it is,
//! and how to get in touch. The links are the directory's own; the app itself asks nothing of
//! them.

use genie_core::directory::{self, Precision, Price, Reach, Resource, Session};
use leptos::prelude::*;

use crate::i18n::*;
use crate::ui::labels::{day_and_part, Labelled};

/// One session in words: "Monday, 10:00 to 11:00" (the clock times as the language writes
/// them), or "Monday morning" without clock times.
fn session_words(session: &Session, locale: Locale) -> String {
    let day = session.day.label(locale);
    let clock = |text: &String| clock_words(text, locale);
    match (&session.starts, &session.ends) {
        (Some(starts), Some(ends)) => td_string!(
            locale,
            suggest.session_times,
            day = day,
            starts = clock(starts),
            ends = clock(ends)
        ),
        (Some(starts), None) => td_string!(
            locale,
            suggest.session_from,
            day = day,
            starts = clock(starts)
        ),
        _ => day_and_part(session.day, session.part, locale),
    }
}

/// A directory's clock time ("14:00") as the language writes it ("14:00", "2:00 PM"); as
/// written when it is not a clock time.
fn clock_words(text: &str, locale: Locale) -> String {
    match directory::clock(text) {
        Some((hour, minute)) => intl::clock_time(locale, hour, minute),
        None => text.to_string(),
    }
}

/// Where it is, in words: the address and postcode, or "online" or "anywhere".
pub fn place_words(reach: &Reach, locale: Locale) -> Option<String> {
    match reach {
        Reach::Local { location } => {
            let (address, postcode) = (location.address.trim(), location.postcode.trim());
            match (address.is_empty(), postcode.is_empty()) {
                (false, false) => Some(td_string!(
                    locale,
                    suggest.place,
                    address = address,
                    postcode = postcode
                )),
                (false, true) => Some(address.to_string()),
                (true, false) => Some(postcode.to_string()),
                (true, true) => None,
            }
        }
        Reach::Online => Some(td_string!(locale, suggest.place_online).to_string()),
        Reach::National => Some(td_string!(locale, suggest.place_national).to_string()),
    }
}

/// The facts on a suggestion's card, as a list of terms and what they say.
#[component]
pub fn EntryFacts(resource: Resource) -> impl IntoView {
    let i18n = use_i18n();
    let area = crate::ui::area_state::AreaState::expect();
    let cost = move || match directory::price(resource.cost) {
        Price::Free => t_string!(i18n, suggest.cost_free).to_string(),
        Price::Amount(amount) => {
            let locale = i18n.get_locale();
            // The area's currency, written as the language writes prices.
            let currency = area.settings.with(|s| s.currency_code().to_string());
            let price = amount
                .parse::<f64>()
                .map(|a| intl::price(locale, a, &currency))
                .unwrap_or(amount);
            td_string!(locale, suggest.cost_amount, price = price)
        }
        Price::Unknown => t_string!(i18n, suggest.cost_unknown).to_string(),
    };
    let sessions = directory::sessions_in_order(&resource.sessions);
    let when = move || {
        let locale = i18n.get_locale();
        if sessions.is_empty() {
            return view! { <dd>{t_string!(i18n, suggest.when_any)}</dd> }.into_any();
        }
        let items = sessions
            .iter()
            .map(|s| view! { <li>{session_words(s, locale)}</li> })
            .collect_view();
        view! { <dd><ul>{items}</ul></dd> }.into_any()
    };
    let reach = resource.reach.clone();
    // Placed at its postcode's centre: distances to it are approximate, and the person should
    // know before they set off.
    let approximate = matches!(
        &reach,
        Reach::Local { location } if location.precision == Precision::Postcode
    );
    let place = move || {
        place_words(&reach, i18n.get_locale()).map(|words| {
            view! {
                <div data-fact="where">
                    <dt>{t!(i18n, suggest.fact_where)}</dt>
                    <dd dir="auto">{words}</dd>
                    {approximate.then(|| view! {
                        <dd class="hint" data-testid="place-approximate">{t!(i18n, suggest.place_approximate)}</dd>
                    })}
                </div>
            }
        })
    };
    let phone = resource.contact.phone.trim().to_string();
    let phone = (!phone.is_empty()).then(|| {
        let href = format!("tel:{}", phone.replace(' ', ""));
        view! {
            <div data-fact="phone">
                <dt>{t!(i18n, suggest.fact_phone)}</dt>
                <dd><a href=href>{phone}</a></dd>
            </div>
        }
    });
    let email = directory::email_href(&resource.contact).map(|href| {
        let text = resource.contact.email.trim().to_string();
        view! {
            <div data-fact="email">
                <dt>{t!(i18n, suggest.fact_email)}</dt>
                <dd><a href=href>{text}</a></dd>
            </div>
        }
    });
    let website = directory::website_href(&resource.contact).map(|href| {
        let text = directory::website_text(href).to_string();
        let href = href.to_string();
        view! {
            <div data-fact="website">
                <dt>{t!(i18n, suggest.fact_website)}</dt>
                <dd><a href=href rel="noopener noreferrer">{text}</a></dd>
            </div>
        }
    });
    view! {
        <dl class="facts">
            <div data-fact="cost">
                <dt>{t!(i18n, suggest.fact_cost)}</dt>
                <dd>{cost}</dd>
            </div>
            <div data-fact="when">
                <dt>{t!(i18n, suggest.fact_when)}</dt>
                {when}
            </div>
            {place}
            {phone}
            {email}
            {website}
        </dl>
    }
}
