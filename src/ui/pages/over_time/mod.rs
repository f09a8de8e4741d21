//! "Over time": what is due, taking stock (redrawing the map), how the person is doing, what
//! changed between two maps, and a timeline. Step 8 of the journey.

mod compare;
mod due;
mod earlier;
mod reminders;
mod take_stock;
mod timeline;
mod wellbeing;

pub use due::DueNotice;

use leptos::prelude::*;

use crate::i18n::*;
use crate::session::Session;
use crate::ui::components::PageHeading;
use compare::Compare;
use due::DueList;
use earlier::EarlierMaps;
use reminders::Reminders;
use take_stock::TakeStock;
use timeline::Timeline;
use wellbeing::{WellbeingForm, WellbeingTrends};

/// The follow-up page.
#[component]
pub fn OverTimePage() -> impl IntoView {
    let i18n = use_i18n();
    let state = Session::expect();
    let has_earlier = move || state.closed_waves.with(|w| !w.is_empty());
    view! {
        <PageHeading>{t!(i18n, over_time.title)}</PageHeading>
        <p class="lead">{t!(i18n, over_time.intro)}</p>
        <DueList />
        <TakeStock />
        <WellbeingForm />
        <WellbeingTrends />
        <Show
            when=has_earlier
            fallback=move || view! { <p class="hint" data-testid="no-earlier">{t!(i18n, over_time.no_earlier)}</p> }
        >
            <EarlierMaps />
            <Compare />
        </Show>
        <Timeline />
        <Reminders />
    }
}
