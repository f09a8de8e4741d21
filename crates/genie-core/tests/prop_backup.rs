//! Backup and encrypted-wrapper parsing never panics: any text gives a backup or an error,
//! and a refused file never changes the device.

#[path = "backup_fixture.rs"]
mod fixture;
#[path = "prop_support.rs"]
mod support;

use fixture::*;
use genie_core::backup::{self, Encrypted, FileKind};
use genie_core::store::{MemoryRepository, Repository, Write};
use proptest::prelude::*;
use serde_json::Value;
use std::sync::OnceLock;
use support::*;

fn good() -> &'static str {
    static GOOD: OnceLock<String> = OnceLock::new();
    GOOD.get_or_init(|| backup::write(&contents(), START))
}

fn good_json() -> &'static Value {
    static GOOD: OnceLock<Value> = OnceLock::new();
    GOOD.get_or_init(|| serde_json::from_str(good()).unwrap_or(Value::Null))
}

/// Reads `text` every way the app can; if it is refused, restoring it changes nothing.
fn read_every_way(text: &str) {
    let _ = backup::detect(text);
    let _ = Encrypted::parse(text);
    let parsed = backup::parse(text);
    block_on(async {
        let repo = MemoryRepository::new();
        let mut existing = Wave::first(Timestamp(0));
        existing.network.add("Here", MemberKind::Pet, Circle::Inner);
        repo.write(vec![Write::put(&existing)])
            .await
            .expect("fills");
        let before = snapshot(&repo).await;
        let restored = backup::restore(&repo, text).await;
        assert_eq!(parsed.is_ok(), restored.is_ok());
        match restored {
            Ok(_) => {
                // A file that was accepted reads back as what was written.
                // Records come back in id order, whatever order the file listed them in.
                let again = backup::export(&repo, START).await.expect("exports");
                let parsed = parsed.expect("accepted");
                assert_eq!(in_id_order(again.contents), in_id_order(parsed.contents));
            }
            Err(_) => assert_eq!(snapshot(&repo).await, before),
        }
    });
}

use genie_core::model::{Circle, MemberKind, Timestamp, Wave};

fn in_id_order(mut contents: backup::Contents) -> backup::Contents {
    contents.waves.sort_by_key(|w| w.id);
    contents.choices.sort_by_key(|c| c.id);
    contents
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn any_text(text in ".{0,300}") {
        read_every_way(&text);
    }

    #[test]
    fn any_json(value in json()) {
        read_every_way(&value.to_string());
    }

    #[test]
    fn a_good_file_edited_as_text(edits in prop::collection::vec(text_edit(), 1..4)) {
        let mut text = good().to_string();
        for edit in &edits {
            text = apply(&text, edit);
        }
        read_every_way(&text);
    }

    #[test]
    fn a_good_file_with_one_value_replaced(which in any::<usize>(), with in json()) {
        let text = replace_somewhere(good_json(), which, with).to_string();
        read_every_way(&text);
    }

    #[test]
    fn encrypted_wrappers_round_trip(
        iterations in backup::MIN_ITERATIONS..=backup::MAX_ITERATIONS,
        salt in any::<[u8; 16]>(),
        iv in any::<[u8; 12]>(),
        ciphertext in prop::collection::vec(any::<u8>(), 16..200),
    ) {
        let wrapper = Encrypted { iterations, salt, iv, ciphertext };
        let text = wrapper.to_json();
        prop_assert_eq!(backup::detect(&text), FileKind::Encrypted);
        prop_assert_eq!(Encrypted::parse(&text), Ok(wrapper));
    }

    #[test]
    fn encrypted_wrappers_with_one_value_replaced(which in any::<usize>(), with in json()) {
        let wrapper = Encrypted {
            iterations: backup::ITERATIONS,
            salt: [1; 16],
            iv: [2; 12],
            ciphertext: vec![3; 40],
        };
        let root: Value = serde_json::from_str(&wrapper.to_json()).unwrap_or(Value::Null);
        let text = replace_somewhere(&root, which, with).to_string();
        let _ = Encrypted::parse(&text);
        let _ = backup::detect(&text);
    }

    #[test]
    fn base64_round_trips(bytes in prop::collection::vec(any::<u8>(), 0..100), junk in ".{0,40}") {
        prop_assert_eq!(backup::decode_base64(&backup::encode_base64(&bytes)), Some(bytes));
        let _ = backup::decode_base64(&junk);
    }
}
