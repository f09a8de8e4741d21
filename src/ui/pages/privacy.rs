//! "How Genie looks after your information": what is stored, where, for how long, who can see
//! it, what is sent (nothing), and how to delete it. The same facts, with technical detail for
//! a data-protection assessment, are in docs/data-protection.md; both must match the code.

use leptos::prelude::*;

use crate::i18n::*;
use crate::ui::components::PageHeading;
use crate::ui::route::Route;

#[component]
pub fn PrivacyPage() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <PageHeading>{t!(i18n, privacy.title)}</PageHeading>
        <p class="lead">{t!(i18n, privacy.lead)}</p>
        <section aria-labelledby="privacy-what">
            <h2 id="privacy-what">{t!(i18n, privacy.what_title)}</h2>
            <ul>
                <li>{t!(i18n, privacy.what_about_you)}</li>
                <li>{t!(i18n, privacy.what_map)}</li>
                <li>{t!(i18n, privacy.what_prefs)}</li>
                <li>{t!(i18n, privacy.what_choices)}</li>
                <li>{t!(i18n, privacy.what_ratings)}</li>
            </ul>
        </section>
        <section aria-labelledby="privacy-where">
            <h2 id="privacy-where">{t!(i18n, privacy.where_title)}</h2>
            <p>{t!(i18n, privacy.where_body)}</p>
            <p>{t!(i18n, privacy.offline_body)}</p>
        </section>
        <section aria-labelledby="privacy-sent">
            <h2 id="privacy-sent">{t!(i18n, privacy.sent_title)}</h2>
            <p>{t!(i18n, privacy.sent_body)}</p>
            <p>{t!(i18n, privacy.location_body)}</p>
        </section>
        <section aria-labelledby="privacy-share">
            <h2 id="privacy-share">{t!(i18n, privacy.share_title)}</h2>
            <p>{t!(i18n, privacy.share_body)}</p>
        </section>
        <section aria-labelledby="privacy-how-long">
            <h2 id="privacy-how-long">{t!(i18n, privacy.how_long_title)}</h2>
            <p>{t!(i18n, privacy.how_long_body)}</p>
        </section>
        <section aria-labelledby="privacy-who">
            <h2 id="privacy-who">{t!(i18n, privacy.who_title)}</h2>
            <p>{t!(i18n, privacy.who_body)}</p>
        </section>
        <section aria-labelledby="privacy-delete">
            <h2 id="privacy-delete">{t!(i18n, privacy.delete_title)}</h2>
            <p>{t!(i18n, privacy.delete_body)}</p>
            <p><a class="button" href=Route::YourData.href()>{t!(i18n, data.title)}</a></p>
        </section>
    }
}
