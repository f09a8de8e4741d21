//! The wrapper around an encrypted backup. The browser does the cryptography (WebCrypto:
//! PBKDF2-SHA256 to derive an AES-256-GCM key from the passphrase); the core only writes and
//! checks the wrapper, so a broken or foreign file is refused before anyone is asked for a
//! passphrase.

use base64::alphabet;
use base64::engine::general_purpose::{GeneralPurpose, GeneralPurposeConfig};
use base64::engine::DecodePaddingMode;
use base64::Engine;
use serde::Serialize;
use serde_json::{Map, Value};

use super::error::NotABackup;
use super::{ENCRYPTED_MARKER, MARKER};

/// The version of the wrapper written today.
pub const ENCRYPTED_VERSION: u32 = 1;
/// The only key derivation version 1 knows.
pub const KDF: &str = "PBKDF2-SHA256";
/// PBKDF2 rounds for a new backup (OWASP's 2023 advice for PBKDF2-HMAC-SHA256).
pub const ITERATIONS: u32 = 600_000;
/// Fewer rounds than this make a weak key: such a file is refused.
pub const MIN_ITERATIONS: u32 = 100_000;
/// More rounds than this would keep a phone busy for minutes: such a file is refused.
pub const MAX_ITERATIONS: u32 = 10_000_000;
pub const SALT_LEN: usize = 16;
/// AES-GCM's 96-bit nonce.
pub const IV_LEN: usize = 12;
/// AES-GCM appends a 128-bit tag, so no ciphertext is shorter.
pub const TAG_LEN: usize = 16;
/// The field that marks a wrapper as a hand-over's file, which each device takes in once.
pub const HANDOVER_FIELD: &str = "genie_handover";

/// Standard base64 with `+` and `/`; padding may be there or not.
const BASE64: GeneralPurpose = GeneralPurpose::new(
    &alphabet::STANDARD,
    GeneralPurposeConfig::new()
        .with_encode_padding(true)
        .with_decode_padding_mode(DecodePaddingMode::Indifferent),
);

/// An encrypted backup: what the browser needs to derive the key and decrypt.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Encrypted {
    pub iterations: u32,
    pub salt: [u8; SALT_LEN],
    pub iv: [u8; IV_LEN],
    /// AES-GCM output (the encrypted backup text followed by the tag).
    pub ciphertext: Vec<u8>,
}

/// A field of the wrapper.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EncryptedField {
    Version,
    Kdf,
    Iterations,
    Salt,
    Iv,
    Ciphertext,
}

/// What is wrong with a field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FieldProblem {
    Missing,
    WrongType,
    /// A key derivation other than PBKDF2-SHA256.
    UnknownKdf,
    /// An iteration count outside [`MIN_ITERATIONS`]..=[`MAX_ITERATIONS`], or a version of 0.
    OutOfRange,
    NotBase64,
    /// Decoded to the wrong number of bytes (for the ciphertext: fewer than the tag alone).
    WrongLength {
        expected: usize,
        found: usize,
    },
}

/// Why a text is not a usable encrypted backup.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum EncryptedError {
    #[error("not a Genie backup ({0:?})")]
    NotABackup(NotABackup),
    /// A plain backup: nothing to decrypt.
    #[error("the backup is not encrypted")]
    Plain,
    #[error("the encrypted backup is cut short")]
    Truncated,
    /// Our wrapper, with a JSON syntax error at this line and column (counting from 1).
    #[error("the encrypted backup is damaged at line {line}, column {column}")]
    Syntax { line: usize, column: usize },
    #[error("written by a newer version of Genie (wrapper version {found})")]
    Newer { found: u64, supported: u64 },
    #[error("the encrypted backup is damaged ({field:?}: {problem:?})")]
    Damaged {
        field: EncryptedField,
        problem: FieldProblem,
    },
}

impl Encrypted {
    /// The wrapper as JSON text, ready to save.
    pub fn to_json(&self) -> String {
        self.write(None)
    }

    /// The wrapper of a hand-over's file: the same fields and the [`HANDOVER_FIELD`] mark.
    /// Older versions of Genie ignore the mark and open it as any protected backup.
    pub fn to_handover_json(&self) -> String {
        self.write(Some(1))
    }

    /// Whether a wrapper's text carries the hand-over mark.
    pub fn is_handover_text(text: &str) -> bool {
        serde_json::from_str::<Value>(text.trim_start_matches('\u{feff}'))
            .ok()
            .and_then(|root| root.get(HANDOVER_FIELD).and_then(Value::as_u64))
            == Some(1)
    }

    fn write(&self, handover: Option<u32>) -> String {
        let wrapper = WrapperOut {
            genie_backup_encrypted: ENCRYPTED_VERSION,
            genie_handover: handover,
            kdf: KDF,
            iterations: self.iterations,
            salt: encode_base64(&self.salt),
            iv: encode_base64(&self.iv),
            ciphertext: encode_base64(&self.ciphertext),
        };
        serde_json::to_string_pretty(&wrapper).unwrap_or_default()
    }

    /// Reads and checks a wrapper.
    pub fn parse(text: &str) -> Result<Encrypted, EncryptedError> {
        let text = text.trim_start_matches('\u{feff}');
        if text.trim().is_empty() {
            return Err(EncryptedError::NotABackup(NotABackup::EmptyFile));
        }
        let root = match serde_json::from_str::<Value>(text) {
            Ok(Value::Object(root)) => root,
            Ok(_) => return Err(EncryptedError::NotABackup(NotABackup::NotAnObject)),
            Err(error) => {
                let ours = text.trim_start().starts_with('{')
                    && text.contains(&format!("\"{ENCRYPTED_MARKER}\""));
                return Err(match (ours, error.is_eof()) {
                    (true, true) => EncryptedError::Truncated,
                    (true, false) => EncryptedError::Syntax {
                        line: error.line(),
                        column: error.column(),
                    },
                    (false, _) if text.contains(&format!("\"{MARKER}\"")) => EncryptedError::Plain,
                    (false, _) => EncryptedError::NotABackup(NotABackup::NotJson),
                });
            }
        };
        let Some(version) = root.get(ENCRYPTED_MARKER) else {
            return Err(if root.contains_key(MARKER) {
                EncryptedError::Plain
            } else {
                EncryptedError::NotABackup(NotABackup::NoMarker)
            });
        };
        let version = version
            .as_u64()
            .ok_or(damaged(EncryptedField::Version, FieldProblem::WrongType))?;
        if version == 0 {
            return Err(damaged(EncryptedField::Version, FieldProblem::OutOfRange));
        }
        if version > u64::from(ENCRYPTED_VERSION) {
            return Err(EncryptedError::Newer {
                found: version,
                supported: ENCRYPTED_VERSION.into(),
            });
        }

        match text_field(&root, "kdf", EncryptedField::Kdf)? {
            kdf if kdf == KDF => {}
            _ => return Err(damaged(EncryptedField::Kdf, FieldProblem::UnknownKdf)),
        }
        let iterations = match root.get("iterations") {
            None => return Err(damaged(EncryptedField::Iterations, FieldProblem::Missing)),
            Some(value) => value
                .as_u64()
                .ok_or(damaged(EncryptedField::Iterations, FieldProblem::WrongType))?,
        };
        let iterations = u32::try_from(iterations)
            .ok()
            .filter(|n| (MIN_ITERATIONS..=MAX_ITERATIONS).contains(n))
            .ok_or(damaged(
                EncryptedField::Iterations,
                FieldProblem::OutOfRange,
            ))?;

        let salt = fixed::<SALT_LEN>(&root, "salt", EncryptedField::Salt)?;
        let iv = fixed::<IV_LEN>(&root, "iv", EncryptedField::Iv)?;
        let ciphertext = bytes(&root, "ciphertext", EncryptedField::Ciphertext)?;
        if ciphertext.len() < TAG_LEN {
            return Err(damaged(
                EncryptedField::Ciphertext,
                FieldProblem::WrongLength {
                    expected: TAG_LEN,
                    found: ciphertext.len(),
                },
            ));
        }
        Ok(Encrypted {
            iterations,
            salt,
            iv,
            ciphertext,
        })
    }
}

/// The wrapper as written, fields in this order so the marker comes first.
#[derive(Serialize)]
struct WrapperOut {
    genie_backup_encrypted: u32,
    #[serde(skip_serializing_if = "Option::is_none")]
    genie_handover: Option<u32>,
    kdf: &'static str,
    iterations: u32,
    salt: String,
    iv: String,
    ciphertext: String,
}

/// Standard padded base64, as the browser's `btoa` writes it.
pub fn encode_base64(bytes: &[u8]) -> String {
    BASE64.encode(bytes)
}

/// Standard base64, padded or not; `None` for anything else.
pub fn decode_base64(text: &str) -> Option<Vec<u8>> {
    BASE64.decode(text).ok()
}

fn damaged(field: EncryptedField, problem: FieldProblem) -> EncryptedError {
    EncryptedError::Damaged { field, problem }
}

fn text_field<'a>(
    root: &'a Map<String, Value>,
    name: &str,
    field: EncryptedField,
) -> Result<&'a str, EncryptedError> {
    match root.get(name) {
        None => Err(damaged(field, FieldProblem::Missing)),
        Some(Value::String(text)) => Ok(text),
        Some(_) => Err(damaged(field, FieldProblem::WrongType)),
    }
}

fn bytes(
    root: &Map<String, Value>,
    name: &str,
    field: EncryptedField,
) -> Result<Vec<u8>, EncryptedError> {
    let text = text_field(root, name, field)?;
    decode_base64(text).ok_or(damaged(field, FieldProblem::NotBase64))
}

fn fixed<const N: usize>(
    root: &Map<String, Value>,
    name: &str,
    field: EncryptedField,
) -> Result<[u8; N], EncryptedError> {
    let bytes = bytes(root, name, field)?;
    let found = bytes.len();
    <[u8; N]>::try_from(bytes)
        .map_err(|_| damaged(field, FieldProblem::WrongLength { expected: N, found }))
}
