//! The mounted app in a real browser: it opens storage, shows the welcome page, and the
//! About you answers reach IndexedDB without a save button.

#![cfg(target_arch = "wasm32")]

use genie_core::model::{Condition, Profile};
use genie_core::store::{load, DB_NAME};
use indexed_db_futures::database::Database;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use wasm_bindgen_test::*;
use web_sys::{HtmlElement, HtmlInputElement};

wasm_bindgen_test_configure!(run_in_browser);

async fn sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .expect("window")
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
            .expect("timer");
    });
    JsFuture::from(promise).await.expect("timer fires");
}

fn document() -> web_sys::Document {
    web_sys::window()
        .expect("window")
        .document()
        .expect("document")
}

/// Waits up to five seconds for `find` to give something.
async fn wait_for<T>(what: &str, mut find: impl FnMut() -> Option<T>) -> T {
    for _ in 0..100 {
        if let Some(found) = find() {
            return found;
        }
        sleep(50).await;
    }
    panic!("timed out waiting for {what}");
}

fn text_of(selector: &str) -> Option<String> {
    document()
        .query_selector(selector)
        .ok()
        .flatten()
        .and_then(|e| e.text_content())
}

#[wasm_bindgen_test]
async fn about_you_answers_are_saved_to_the_device_as_they_are_given() {
    Database::delete_by_name(DB_NAME)
        .expect("delete request")
        .await
        .expect("deleted");
    web_sys::window()
        .expect("window")
        .location()
        .set_hash("/")
        .expect("hash");

    genie::start();

    let heading = wait_for("the welcome heading", || text_of("h1")).await;
    assert_eq!(heading, "Welcome to Genie");

    web_sys::window()
        .expect("window")
        .location()
        .set_hash("/about-you")
        .expect("hash");
    let area: HtmlInputElement = wait_for("the area field", || {
        document()
            .get_element_by_id("area")
            .and_then(|e| e.dyn_into().ok())
    })
    .await;
    area.set_value("MB3 1QT");
    area.dispatch_event(&web_sys::Event::new("input").expect("event"))
        .expect("dispatch");

    let copd: HtmlElement = document()
        .query_selector("input[name=conditions][value=copd]")
        .expect("selector")
        .expect("a COPD checkbox")
        .dyn_into()
        .expect("an element");
    copd.click();

    wait_for("the saved status", || {
        text_of("[data-testid=save-status]").filter(|t| t == "Saved on this device")
    })
    .await;

    let repo = genie::store::IndexedDbRepository::open(DB_NAME, || {})
        .await
        .expect("opens");
    let stored: Profile = load(&repo, "me").await.expect("reads").expect("saved");
    assert_eq!(stored.area, "MB3 1QT");
    assert_eq!(stored.conditions, [Condition::Copd].into());
}
