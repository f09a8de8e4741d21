//! "Take stock": close this map as it is and redraw from a copy.

use leptos::prelude::*;

use crate::i18n::*;
use crate::platform;
use crate::session::Session;
use crate::ui::components::AskFirst;
use crate::ui::route::Route;

#[component]
pub fn TakeStock() -> impl IntoView {
    let i18n = use_i18n();
    let state = Session::expect();
    let take_stock = Callback::new(move |()| {
        state.take_stock();
        state.announce(t_string!(i18n, over_time.take_stock_done));
        Route::Network { list: false }.go();
    });
    let started = move || {
        let locale = i18n.get_locale();
        let at = state.wave.with(|w| w.started_at);
        t_string!(
            i18n,
            over_time.current_map,
            date = platform::local_date(at, crate::ui::labels::date_locale(locale))
        )
    };
    view! {
        <section aria-labelledby="take-stock-title">
            <h2 id="take-stock-title">{t!(i18n, over_time.take_stock_title)}</h2>
            <p>{t!(i18n, over_time.take_stock_body)}</p>
            <p class="hint">{started}</p>
            <AskFirst
                start=Signal::derive(move || t_string!(i18n, over_time.take_stock).to_string())
                start_class="button primary"
                question_id="take-stock-confirm".to_string()
                question=Signal::derive(move || t_string!(i18n, over_time.take_stock_confirm).to_string())
                yes=Signal::derive(move || t_string!(i18n, over_time.take_stock_yes).to_string())
                yes_class="button primary"
                on_yes=take_stock
                no=Signal::derive(move || t_string!(i18n, over_time.take_stock_no).to_string())
                box_class="notice"
                question_class=""
                test_id="take-stock-confirm"
            />
        </section>
    }
}
