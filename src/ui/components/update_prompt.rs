//! "A new version of Genie is ready": offered when the service worker has downloaded an update.
//! The person chooses to reload now or carry on; later, the new version starts by itself the
//! next time Genie is opened.

use leptos::prelude::*;

use crate::i18n::*;
use crate::platform::service_worker;

/// Fetches the other pages' code, then registers the service worker and, when an update is waiting, offers to reload.
#[component]
pub fn UpdatePrompt() -> impl IntoView {
    let i18n = use_i18n();
    let ready = RwSignal::new(false);
    let dismissed = RwSignal::new(false);
    leptos::task::spawn_local(async move {
        // The other pages' code first: the worker then keeps it from the browser's cache
        // rather than downloading it a second time.
        crate::ui::page_loader::fetch_all().await;
        service_worker::register(move || ready.set(true));
    });

    view! {
        <Show when=move || ready.get() && !dismissed.get()>
            <section
                class="notice update-prompt"
                role="region"
                aria-labelledby="update-prompt-title"
                data-testid="update-prompt"
            >
                <div role="status">
                    <h2 id="update-prompt-title">{t!(i18n, update.title)}</h2>
                    <p>{t!(i18n, update.body)}</p>
                </div>
                <div class="update-actions">
                    <button
                        type="button"
                        class="button primary"
                        on:click=move |_| service_worker::apply_update()
                    >
                        {t!(i18n, update.reload)}
                    </button>
                    <button type="button" class="button" on:click=move |_| dismissed.set(true)>
                        {t!(i18n, update.later)}
                    </button>
                </div>
            </section>
        </Show>
    }
}
