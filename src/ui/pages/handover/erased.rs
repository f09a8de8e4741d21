//! Said after a supporter session was erased: after the hand-over, or because it was left
//! open longer than the area allows.

use leptos::prelude::*;

use crate::i18n::*;
use crate::ui::components::PageHeading;
use crate::ui::route::Route;

#[component]
pub fn ErasedPage(expired: bool) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <PageHeading>{t!(i18n, handover.erased_title)}</PageHeading>
        <p class="lead" data-testid="erased-body">
            {move || {
                if expired {
                    t_string!(i18n, handover.expired_body)
                } else {
                    t_string!(i18n, handover.erased_body)
                }
            }}
        </p>
        <a class="button primary" href=Route::Welcome.href()>{t!(i18n, app_name)}</a>
    }
}
