//! Each way a backup file can be wrong gives its own error, and leaves the device untouched.

#[path = "backup_fixture.rs"]
mod fixture;

use fixture::*;
use genie_core::backup::{
    self, BackupError, Damage, FileField, FileKind, NotABackup, Part, RestoreError,
};
use genie_core::model::*;
use genie_core::store::*;
use serde_json::{json, Value};

fn good() -> String {
    backup::write(&contents(), START)
}

/// The good backup as JSON, changed by `edit`, as text.
fn edited(edit: impl FnOnce(&mut Value)) -> String {
    let mut root: Value = serde_json::from_str(&good()).expect("JSON");
    edit(&mut root);
    root.to_string()
}

fn damaged(at: Part, problem: Damage) -> BackupError {
    BackupError::Damaged { at, problem }
}

fn record(store: Store, index: usize) -> Part {
    Part::Record { store, index }
}

/// Restores `text` over a device that already holds data, expects `error`, and checks that
/// nothing changed.
fn refused(text: &str, error: BackupError) {
    block_on(async {
        let repo = MemoryRepository::new();
        let mut mine = Wave::first(Timestamp(1));
        mine.network
            .add("Already here", MemberKind::Person, Circle::Inner);
        let mut closed = Wave::first(Timestamp(0));
        closed.id = WaveId(0);
        closed.closed_at = Some(Timestamp(1));
        repo.write(vec![
            Write::put(&mine),
            Write::put(&closed),
            Write::put(&profile()),
        ])
        .await
        .expect("fills");
        let before = snapshot(&repo).await;

        assert_eq!(backup::parse(text), Err(error.clone()));
        assert_eq!(
            backup::restore(&repo, text).await,
            Err(RestoreError::Backup(error))
        );
        assert_eq!(snapshot(&repo).await, before);
    });
}

#[test]
fn truncated() {
    let text = good();
    for cut in [text.len() / 3, text.len() / 2, text.len() - 2] {
        let cut = (0..=cut)
            .rev()
            .find(|&i| text.is_char_boundary(i))
            .unwrap_or(0);
        refused(&text[..cut], BackupError::Truncated);
    }
}

#[test]
fn not_json() {
    refused(
        "Dear Sir, please find my network attached.",
        BackupError::NotABackup(NotABackup::NotJson),
    );
    refused(
        "\u{0}\u{1}PK\u{3}\u{4}",
        BackupError::NotABackup(NotABackup::NotJson),
    );
    refused("", BackupError::NotABackup(NotABackup::EmptyFile));
    refused("  \n ", BackupError::NotABackup(NotABackup::EmptyFile));
}

#[test]
fn json_but_not_ours() {
    refused(
        "[1, 2, 3]",
        BackupError::NotABackup(NotABackup::NotAnObject),
    );
    refused(
        "\"genie_backup\"",
        BackupError::NotABackup(NotABackup::NotAnObject),
    );
    refused(
        r#"{"version": 1, "area": "Millbrook", "resources": []}"#,
        BackupError::NotABackup(NotABackup::NoMarker),
    );
}

#[test]
fn wrong_marker() {
    let text = edited(|root| {
        let version = root["genie_backup"].take();
        root["genie_backups"] = version;
        if let Some(root) = root.as_object_mut() {
            root.remove("genie_backup");
        }
    });
    refused(&text, BackupError::NotABackup(NotABackup::NoMarker));
    refused(
        &edited(|root| root["genie_backup"] = json!("1")),
        damaged(Part::Field(FileField::Version), Damage::WrongType),
    );
    refused(
        &edited(|root| root["genie_backup"] = json!(0)),
        damaged(Part::Field(FileField::Version), Damage::Invalid),
    );
}

#[test]
fn newer_file() {
    refused(
        &edited(|root| root["genie_backup"] = json!(2)),
        BackupError::Newer {
            part: Part::Field(FileField::Version),
            found: 2,
            supported: 1,
        },
    );
    // A newer file is refused even if the rest is gibberish to this version.
    refused(
        r#"{"genie_backup": 7, "everything": "different"}"#,
        BackupError::Newer {
            part: Part::Field(FileField::Version),
            found: 7,
            supported: 1,
        },
    );
}

#[test]
fn newer_record() {
    refused(
        &edited(|root| root["records"]["waves"][1]["schema"] = json!(99)),
        BackupError::Newer {
            part: record(Store::Waves, 1),
            found: 99,
            supported: 2,
        },
    );
    // Said first, even when an earlier record is also damaged.
    refused(
        &edited(|root| {
            root["records"]["profile"][0]["data"] = json!("garbled");
            root["records"]["choices"][1]["schema"] = json!(5);
        }),
        BackupError::Newer {
            part: record(Store::Choices, 1),
            found: 5,
            supported: 2,
        },
    );
}

#[test]
fn one_bad_record() {
    let text = edited(|root| {
        root["records"]["waves"][1]["data"]["network"]["members"][0]["circle"] = json!("innermost")
    });
    let Err(BackupError::Damaged { at, problem }) = backup::parse(&text) else {
        panic!("expected damage");
    };
    assert_eq!(at, record(Store::Waves, 1));
    assert!(matches!(problem, Damage::Shape(_)));
    refused(&text, BackupError::Damaged { at, problem });

    refused(
        &edited(|root| {
            if let Some(envelope) = root["records"]["choices"][0].as_object_mut() {
                envelope.remove("schema");
            }
        }),
        damaged(record(Store::Choices, 0), Damage::NoVersion),
    );
    let text = edited(|root| root["records"]["profile"][0] = json!({"schema": 1, "data": 5}));
    assert!(matches!(
        backup::parse(&text),
        Err(BackupError::Damaged {
            at: Part::Record {
                store: Store::Profile,
                index: 0
            },
            problem: Damage::Migration { from: 1, .. }
        })
    ));
}

#[test]
fn duplicate_open_waves() {
    refused(
        &edited(|root| {
            if let Some(wave) = root["records"]["waves"][0]["data"].as_object_mut() {
                wave.insert("closed_at".into(), Value::Null);
            }
        }),
        damaged(record(Store::Waves, 2), Damage::SecondOpenWave),
    );
}

#[test]
fn duplicate_keys() {
    refused(
        &edited(|root| root["records"]["choices"][1]["data"]["id"] = json!(1)),
        damaged(
            record(Store::Choices, 1),
            Damage::DuplicateKey("00000001".into()),
        ),
    );
    refused(
        &edited(|root| {
            let copy = root["records"]["profile"][0].clone();
            if let Some(list) = root["records"]["profile"].as_array_mut() {
                list.push(copy);
            }
        }),
        damaged(record(Store::Profile, 1), Damage::DuplicateKey("me".into())),
    );
}

#[test]
fn wrong_types() {
    refused(
        &edited(|root| root["exported_at"] = json!("yesterday")),
        damaged(Part::Field(FileField::ExportedAt), Damage::WrongType),
    );
    refused(
        &edited(|root| root["records"] = json!([])),
        damaged(Part::Field(FileField::Records), Damage::WrongType),
    );
    refused(
        &edited(|root| root["records"]["waves"] = json!({"1": {}})),
        damaged(Part::Store(Store::Waves), Damage::WrongType),
    );
    refused(
        &edited(|root| root["records"]["choices"][0] = json!("a choice")),
        damaged(record(Store::Choices, 0), Damage::WrongType),
    );
    refused(
        &edited(|root| root["records"]["preferences"][0]["schema"] = json!("1")),
        damaged(record(Store::Preferences, 0), Damage::WrongType),
    );
    refused(
        &edited(|root| root["records"]["waves"][0]["data"]["started_at"] = json!("Monday")),
        damaged(
            record(Store::Waves, 0),
            Damage::Shape(
                serde_json::from_value::<Timestamp>(json!("Monday"))
                    .err()
                    .map(|e| e.to_string())
                    .unwrap_or_default(),
            ),
        ),
    );
}

#[test]
fn partial() {
    refused(
        &edited(|root| {
            if let Some(root) = root.as_object_mut() {
                root.remove("records");
            }
        }),
        damaged(Part::Field(FileField::Records), Damage::Missing),
    );
    refused(
        &edited(|root| {
            if let Some(records) = root["records"].as_object_mut() {
                records.remove("choices");
            }
        }),
        damaged(Part::Store(Store::Choices), Damage::Missing),
    );
    refused(
        &edited(|root| {
            if let Some(root) = root.as_object_mut() {
                root.remove("exported_at");
            }
        }),
        damaged(Part::Field(FileField::ExportedAt), Damage::Missing),
    );
    refused(
        &edited(|root| root["records"]["contacts"] = json!([])),
        damaged(
            Part::Field(FileField::Records),
            Damage::UnknownStore("contacts".into()),
        ),
    );
}

#[test]
fn empty() {
    refused(
        &backup::write(&backup::Contents::default(), START),
        BackupError::Empty,
    );
}

#[test]
fn a_syntax_error_inside_our_file() {
    let text = good().replacen("\"records\"", "\"records\" oops", 1);
    let Err(BackupError::Damaged {
        at: Part::File,
        problem: Damage::Syntax { line, .. },
    }) = backup::parse(&text)
    else {
        panic!("expected a syntax error");
    };
    assert!(line > 1);
}

#[test]
fn an_encrypted_file_is_not_read_as_plain() {
    let text = r#"{"genie_backup_encrypted": 1, "kdf": "PBKDF2-SHA256"}"#;
    assert_eq!(backup::detect(text), FileKind::Encrypted);
    refused(text, BackupError::Encrypted);
}

#[test]
fn detect_tells_the_kinds_apart() {
    assert_eq!(backup::detect(&good()), FileKind::Plain);
    assert_eq!(backup::detect(&good()[..40]), FileKind::Plain);
    assert_eq!(backup::detect("{}"), FileKind::NotABackup);
    assert_eq!(backup::detect("hello"), FileKind::NotABackup);
    assert_eq!(
        backup::detect("{\"genie_backup_encrypted\": 1, \"salt\": \"AAAA"),
        FileKind::Encrypted
    );
}
