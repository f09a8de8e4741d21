//! The one-page guide for supporters, to read on screen and to print (A4, black on white):
//! how to start a supporter session, hand it over, what the person keeps, and next time. The
//! names of the buttons it mentions come from the catalogue's own button labels, so the guide
//! says what the screen says in every language.

use leptos::prelude::*;

use crate::i18n::*;
use crate::platform;
use crate::ui::components::PageHeading;
use crate::ui::route::Route;

#[component]
pub fn SupporterGuidePage() -> impl IntoView {
    let i18n = use_i18n();
    let guide = move || {
        let locale = i18n.get_locale();
        let data = td_string!(locale, data.title);
        view! {
            <h2>{td_string!(locale, guide.before_title)}</h2>
            <p>{td_string!(locale, guide.before)}</p>
            <h2>{td_string!(locale, guide.start_title)}</h2>
            <p>
                {td_string!(
                    locale,
                    guide.start,
                    section = td_string!(locale, handover.helping_title),
                    start = td_string!(locale, handover.helping_start),
                    yes = td_string!(locale, handover.helping_yes)
                )}
            </p>
            <h2>{td_string!(locale, guide.together_title)}</h2>
            <p>{td_string!(locale, guide.together)}</p>
            <h2>{td_string!(locale, guide.hand_title)}</h2>
            <p>
                {td_string!(
                    locale,
                    guide.hand,
                    link = td_string!(locale, handover.banner_link),
                    make = td_string!(locale, handover.make)
                )}
            </p>
            <ol>
                <li>{td_string!(locale, guide.hand_scan, next = td_string!(locale, handover.next))}</li>
                <li>{td_string!(locale, guide.hand_code)}</li>
                <li>{td_string!(locale, guide.hand_keep, keep = td_string!(locale, handover.keep_yes))}</li>
            </ol>
            <h3>{td_string!(locale, guide.file_title)}</h3>
            <p>
                {td_string!(
                    locale,
                    guide.file,
                    send = td_string!(locale, handover.file_send),
                    data = data,
                    restore = td_string!(locale, data.restore_title)
                )}
            </p>
            <h2>{td_string!(locale, guide.check_title)}</h2>
            <p>{td_string!(locale, guide.check, erase = td_string!(locale, handover.confirm_start))}</p>
            <p>{td_string!(locale, guide.stop, stop = td_string!(locale, handover.stop_start))}</p>
            <h2>{td_string!(locale, guide.keeps_title)}</h2>
            <p>{td_string!(locale, guide.keeps)}</p>
            <h2>{td_string!(locale, guide.next_time_title)}</h2>
            <p>
                {td_string!(
                    locale,
                    guide.next_time,
                    data = data,
                    give = td_string!(locale, handover.data_open)
                )}
            </p>
            <p class="guide-once">
                <strong>{td_string!(locale, guide.once, again = td_string!(locale, handover.make_again))}</strong>
            </p>
        }
    };
    view! {
        <PageHeading>{t!(i18n, guide.title)}</PageHeading>
        <p class="lead guide-intro">{t!(i18n, guide.intro)}</p>
        <div class="actions">
            <button type="button" class="button primary" on:click=|_| platform::print_page()>
                {t!(i18n, guide.print)}
            </button>
        </div>
        <article class="guide" data-testid="supporter-guide">{guide}</article>
        <a class="back-link" href=Route::Welcome.href()>{t!(i18n, nav.home)}</a>
    }
}
