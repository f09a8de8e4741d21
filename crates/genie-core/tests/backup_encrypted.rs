//! The encrypted backup's wrapper: written and read back, and every bad field refused.

use genie_core::backup::{
    self, decode_base64, encode_base64, Encrypted, EncryptedError, EncryptedField, FieldProblem,
    FileKind, NotABackup, ITERATIONS,
};
use serde_json::{json, Value};

fn sample() -> Encrypted {
    Encrypted {
        iterations: ITERATIONS,
        salt: [7; 16],
        iv: [0xAB; 12],
        ciphertext: (0..=255).collect(),
    }
}

fn edited(edit: impl FnOnce(&mut Value)) -> String {
    let mut root: Value = serde_json::from_str(&sample().to_json()).expect("JSON");
    edit(&mut root);
    root.to_string()
}

fn field(field: EncryptedField, problem: FieldProblem) -> Result<Encrypted, EncryptedError> {
    Err(EncryptedError::Damaged { field, problem })
}

#[test]
fn round_trips_in_the_documented_shape() {
    let text = sample().to_json();
    assert_eq!(Encrypted::parse(&text), Ok(sample()));
    assert_eq!(backup::detect(&text), FileKind::Encrypted);
    let root: Value = serde_json::from_str(&text).expect("JSON");
    assert_eq!(root["genie_backup_encrypted"], 1);
    assert_eq!(root["kdf"], "PBKDF2-SHA256");
    assert_eq!(root["iterations"], 600_000);
    assert_eq!(root["salt"], "BwcHBwcHBwcHBwcHBwcHBw==");
    assert_eq!(root["iv"], "q6urq6urq6urq6ur");
    assert!(text
        .trim_start()
        .starts_with("{\n  \"genie_backup_encrypted\""));
}

#[test]
fn base64_is_standard_and_padding_is_optional_on_read() {
    assert_eq!(encode_base64(b"Genie"), "R2VuaWU=");
    assert_eq!(decode_base64("R2VuaWU="), Some(b"Genie".to_vec()));
    assert_eq!(decode_base64("R2VuaWU"), Some(b"Genie".to_vec()));
    assert_eq!(decode_base64("+/+/"), Some(vec![0xfb, 0xff, 0xbf]));
    assert_eq!(decode_base64("-_-_"), None);
    assert_eq!(decode_base64("R2Vu aWU="), None);
}

#[test]
fn bad_fields_are_named() {
    use EncryptedField as F;
    use FieldProblem as P;
    assert_eq!(
        Encrypted::parse(&edited(|r| r["kdf"] = json!("scrypt"))),
        field(F::Kdf, P::UnknownKdf)
    );
    assert_eq!(
        Encrypted::parse(&edited(|r| r["iterations"] = json!(1000))),
        field(F::Iterations, P::OutOfRange)
    );
    assert_eq!(
        Encrypted::parse(&edited(|r| r["iterations"] = json!(u64::MAX))),
        field(F::Iterations, P::OutOfRange)
    );
    assert_eq!(
        Encrypted::parse(&edited(|r| r["iterations"] = json!("600000"))),
        field(F::Iterations, P::WrongType)
    );
    assert_eq!(
        Encrypted::parse(&edited(|r| r["iterations"] = json!(-5))),
        field(F::Iterations, P::WrongType)
    );
    assert_eq!(
        Encrypted::parse(&edited(|r| r["salt"] = json!(encode_base64(&[1; 8])))),
        field(
            F::Salt,
            P::WrongLength {
                expected: 16,
                found: 8
            }
        )
    );
    assert_eq!(
        Encrypted::parse(&edited(|r| r["iv"] = json!(encode_base64(&[1; 16])))),
        field(
            F::Iv,
            P::WrongLength {
                expected: 12,
                found: 16
            }
        )
    );
    assert_eq!(
        Encrypted::parse(&edited(|r| r["iv"] = json!("not base64!"))),
        field(F::Iv, P::NotBase64)
    );
    assert_eq!(
        Encrypted::parse(&edited(|r| r["ciphertext"] = json!(encode_base64(&[1; 5])))),
        field(
            F::Ciphertext,
            P::WrongLength {
                expected: 16,
                found: 5
            }
        )
    );
    assert_eq!(
        Encrypted::parse(&edited(|r| r["ciphertext"] = json!(42))),
        field(F::Ciphertext, P::WrongType)
    );
    assert_eq!(
        Encrypted::parse(&edited(|r| {
            if let Some(r) = r.as_object_mut() {
                r.remove("salt");
            }
        })),
        field(F::Salt, P::Missing)
    );
    assert_eq!(
        Encrypted::parse(&edited(|r| r["genie_backup_encrypted"] = json!("1"))),
        field(F::Version, P::WrongType)
    );
}

#[test]
fn other_files_are_told_apart() {
    assert_eq!(
        Encrypted::parse(&edited(|r| r["genie_backup_encrypted"] = json!(2))),
        Err(EncryptedError::Newer {
            found: 2,
            supported: 1
        })
    );
    let plain = backup::write(
        &backup::Contents::default(),
        genie_core::model::Timestamp(0),
    );
    assert_eq!(Encrypted::parse(&plain), Err(EncryptedError::Plain));
    assert_eq!(
        Encrypted::parse("no"),
        Err(EncryptedError::NotABackup(NotABackup::NotJson))
    );
    assert_eq!(
        Encrypted::parse("{}"),
        Err(EncryptedError::NotABackup(NotABackup::NoMarker))
    );
    assert_eq!(
        Encrypted::parse(""),
        Err(EncryptedError::NotABackup(NotABackup::EmptyFile))
    );
    let text = sample().to_json();
    assert_eq!(
        Encrypted::parse(&text[..text.len() / 2]),
        Err(EncryptedError::Truncated)
    );
    assert!(matches!(
        Encrypted::parse(&text.replacen(',', ";", 1)),
        Err(EncryptedError::Syntax { .. })
    ));
}
