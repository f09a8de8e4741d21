//! Protecting a backup with a passphrase, using the browser's own cryptography (WebCrypto):
//! PBKDF2-SHA256 turns the passphrase into an AES-256-GCM key. The core's
//! [`Encrypted`](genie_core::backup::Encrypted) wrapper holds the result; the format is in
//! `docs/backup-format.md`. The passphrase is never stored.

use genie_core::backup::{Encrypted, ITERATIONS, IV_LEN, SALT_LEN};
use js_sys::{Object, Reflect, Uint8Array};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{CryptoKey, SubtleCrypto};

/// Why a backup could not be protected or opened.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CryptoError {
    /// This browser (or an address that is not private enough) offers no cryptography.
    Unavailable,
    /// The passphrase does not open this backup (or the file was changed after it was made:
    /// AES-GCM cannot tell the two apart).
    WrongPassphrase,
    /// It opened, but what is inside is not text.
    NotText,
    /// The browser refused for another reason.
    Failed,
}

/// Encrypts `plain` with a key made from `passphrase`, with a new random salt and nonce.
pub async fn encrypt(plain: &str, passphrase: &str) -> Result<Encrypted, CryptoError> {
    seal(plain.as_bytes(), passphrase).await
}

/// Decrypts a checked wrapper with `passphrase`, giving the plain backup text.
pub async fn decrypt(encrypted: &Encrypted, passphrase: &str) -> Result<String, CryptoError> {
    String::from_utf8(open(encrypted, passphrase).await?).map_err(|_| CryptoError::NotText)
}

/// Encrypts bytes with a key made from `secret` ([`ITERATIONS`] rounds of PBKDF2), with a new
/// random salt and nonce.
pub async fn seal(plain: &[u8], secret: &str) -> Result<Encrypted, CryptoError> {
    let [sealed] = seal_each([plain], secret).await?;
    Ok(sealed)
}

/// Encrypts each of `plains` under one key made from `secret` with one new salt, each with its
/// own random nonce: one PBKDF2 derivation for all, and they share the salt (a hand-over's
/// codes and file share their id this way).
pub async fn seal_each<const N: usize>(
    plains: [&[u8]; N],
    secret: &str,
) -> Result<[Encrypted; N], CryptoError> {
    let (_, subtle) = crypto()?;
    let salt = random::<SALT_LEN>()?;
    let key = derive_key(&subtle, secret, &salt, ITERATIONS, "encrypt").await?;
    let mut out = Vec::with_capacity(N);
    for plain in plains {
        let iv = random::<IV_LEN>()?;
        let promise = subtle
            .encrypt_with_object_and_u8_array(&aes_gcm(&iv)?, &key, plain)
            .map_err(|_| CryptoError::Failed)?;
        let ciphertext = bytes(
            JsFuture::from(promise)
                .await
                .map_err(|_| CryptoError::Failed)?,
        );
        out.push(Encrypted {
            iterations: ITERATIONS,
            salt,
            iv,
            ciphertext,
        });
    }
    out.try_into().map_err(|_| CryptoError::Failed)
}

/// Decrypts with a key made from `secret`; a wrong secret (or changed bytes) is
/// [`CryptoError::WrongPassphrase`].
pub async fn open(encrypted: &Encrypted, secret: &str) -> Result<Vec<u8>, CryptoError> {
    let (_, subtle) = crypto()?;
    let key = derive_key(
        &subtle,
        secret,
        &encrypted.salt,
        encrypted.iterations,
        "decrypt",
    )
    .await?;
    let promise = subtle
        .decrypt_with_object_and_u8_array(&aes_gcm(&encrypted.iv)?, &key, &encrypted.ciphertext)
        .map_err(|_| CryptoError::Failed)?;
    // AES-GCM checks its tag: a wrong key (or a changed file) is refused here.
    let plain = JsFuture::from(promise)
        .await
        .map_err(|_| CryptoError::WrongPassphrase)?;
    Ok(bytes(plain))
}

/// `N` bytes from the browser's cryptographic random source.
pub fn random<const N: usize>() -> Result<[u8; N], CryptoError> {
    let (crypto, _) = crypto()?;
    let mut out = [0u8; N];
    crypto
        .get_random_values_with_u8_array(&mut out)
        .map_err(|_| CryptoError::Unavailable)?;
    Ok(out)
}

fn crypto() -> Result<(web_sys::Crypto, SubtleCrypto), CryptoError> {
    let crypto = web_sys::window()
        .and_then(|w| w.crypto().ok())
        .ok_or(CryptoError::Unavailable)?;
    // `crypto.subtle` is missing outside secure contexts (plain http to another machine).
    let subtle = Reflect::get(&crypto, &JsValue::from_str("subtle"))
        .ok()
        .filter(|s| !s.is_undefined() && !s.is_null())
        .ok_or(CryptoError::Unavailable)?;
    Ok((crypto, subtle.unchecked_into()))
}

/// PBKDF2-SHA256 over the passphrase's UTF-8 bytes, giving a 256-bit AES-GCM key.
async fn derive_key(
    subtle: &SubtleCrypto,
    passphrase: &str,
    salt: &[u8],
    iterations: u32,
    usage: &str,
) -> Result<CryptoKey, CryptoError> {
    let raw = Uint8Array::from(passphrase.as_bytes());
    let base = subtle
        .import_key_with_str("raw", &raw, "PBKDF2", false, &usages("deriveKey"))
        .map_err(|_| CryptoError::Failed)?;
    let base: CryptoKey = JsFuture::from(base)
        .await
        .map_err(|_| CryptoError::Failed)?
        .unchecked_into();

    let kdf = object(&[
        ("name", JsValue::from_str("PBKDF2")),
        ("hash", JsValue::from_str("SHA-256")),
        ("salt", Uint8Array::from(salt).into()),
        ("iterations", JsValue::from(iterations)),
    ])?;
    let aes = object(&[
        ("name", JsValue::from_str("AES-GCM")),
        ("length", JsValue::from(256)),
    ])?;
    let key = subtle
        .derive_key_with_object_and_object(&kdf, &base, &aes, false, &usages(usage))
        .map_err(|_| CryptoError::Failed)?;
    Ok(JsFuture::from(key)
        .await
        .map_err(|_| CryptoError::Failed)?
        .unchecked_into())
}

fn aes_gcm(iv: &[u8]) -> Result<Object, CryptoError> {
    object(&[
        ("name", JsValue::from_str("AES-GCM")),
        ("iv", Uint8Array::from(iv).into()),
    ])
}

fn object(fields: &[(&str, JsValue)]) -> Result<Object, CryptoError> {
    let object = Object::new();
    for (name, value) in fields {
        Reflect::set(&object, &JsValue::from_str(name), value).map_err(|_| CryptoError::Failed)?;
    }
    Ok(object)
}

fn usages(usage: &str) -> JsValue {
    js_sys::Array::of1(&JsValue::from_str(usage)).into()
}

fn bytes(buffer: JsValue) -> Vec<u8> {
    Uint8Array::new(&buffer).to_vec()
}
