//! Notes about directory entries ("it has closed", "the time is wrong"), shared with the area
//! team only if the person chooses: as an e-mail draft in their own e-mail app, or as a file.
//! The person sees exactly the words that would go before anything leaves the device.

use genie_core::model::Choice;
use leptos::prelude::*;

use crate::i18n::*;
use crate::platform;
use crate::session::Session;
use crate::ui::area_state::{AreaState, AreaStatus};
use crate::ui::labels::Labelled;

/// The notes in the words that would be shared, or `None` when there are none.
pub fn notes_text(choices: &[Choice], area: &str, locale: Locale) -> Option<String> {
    let noted: Vec<&Choice> = choices
        .iter()
        .filter(|c| !c.entry_note.is_empty())
        .collect();
    if noted.is_empty() {
        return None;
    }
    let mut text = td_string!(locale, share_notes.opening, area = area);
    for choice in noted {
        text.push_str("\n\n");
        text.push_str(&td_string!(
            locale,
            share_notes.entry,
            name = choice.resource_name.as_str(),
            id = choice.resource_id.as_str()
        ));
        let note = Some(choice.entry_note.text.trim()).filter(|note| !note.is_empty());
        let items = choice
            .entry_note
            .problems
            .iter()
            .map(|problem| problem.label(locale))
            .chain(note);
        for item in items {
            text.push('\n');
            text.push_str(&td_string!(locale, share_notes.item, text = item));
        }
    }
    text.push_str("\n\n");
    text.push_str(td_string!(locale, share_notes.closing));
    Some(text)
}

/// "Tell the area team", shown once any entry has a note.
#[component]
pub fn ShareNotes() -> impl IntoView {
    let i18n = use_i18n();
    let state = Session::expect();
    let area = AreaState::expect();
    let text = Memo::new(move |_| {
        let name = area.settings.with(|s| s.name.clone());
        let name = if name.trim().is_empty() {
            area.directory.with(|d| d.area.clone())
        } else {
            name
        };
        state
            .choices
            .with(|cs| notes_text(cs, &name, i18n.get_locale()))
    });
    move || {
        // The area's name and address come with its files: wait for them.
        if area.status.get() != AreaStatus::Ready {
            return None;
        }
        let body = text.get()?;
        let subject = t_string!(i18n, share_notes.subject).to_string();
        let email = area.settings.with(|s| {
            s.feedback_address()
                .map(|address| platform::mailto(address, &subject, &body))
        });
        let file_body = body.clone();
        Some(view! {
            <section class="share-notes" aria-labelledby="share-notes-title" data-testid="share-notes">
                <h3 id="share-notes-title">{t!(i18n, share_notes.title)}</h3>
                <p>{t!(i18n, share_notes.intro)}</p>
                <p class="hint">{t!(i18n, share_notes.preview_label)}</p>
                <div class="preview" dir="auto" data-testid="share-notes-preview">{body}</div>
                <div class="actions">
                    {email.map(|href| view! {
                        <a class="button" href=href data-testid="share-notes-email">
                            {t!(i18n, share_notes.email)}
                        </a>
                    })}
                    <button
                        type="button"
                        class="button"
                        on:click=move |_| {
                            platform::save_file(&file_body, "text/plain;charset=utf-8", "genie-notes-for-the-area-team.txt");
                        }
                    >
                        {t!(i18n, share_notes.save)}
                    </button>
                </div>
            </section>
        })
    }
}
