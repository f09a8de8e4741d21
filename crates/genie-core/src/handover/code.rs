//! The one-time code the sending device shows and the person types on the receiving one.

/// Characters in a code (Crockford's base 32: no I, L, O or U to misread).
pub const CODE_LEN: usize = 10;
/// Each character carries 5 bits, chosen uniformly: 50 bits in all.
pub const CODE_BITS: u32 = 5 * CODE_LEN as u32;

const ALPHABET: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/// A well-formed code, held in its canonical form (ten capitals and digits).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Code(String);

/// Why typed text is not a code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum CodeError {
    #[error("a code has {CODE_LEN} letters and digits, not {found}")]
    Length { found: usize },
    #[error("{0:?} is not in a code")]
    Character(char),
}

impl Code {
    /// A code from ten random bytes from the browser. 256 is a multiple of 32, so taking each
    /// byte modulo 32 keeps every character equally likely.
    pub fn from_random(bytes: [u8; CODE_LEN]) -> Code {
        Code(
            bytes
                .iter()
                .map(|b| char::from(ALPHABET[usize::from(b % 32)]))
                .collect(),
        )
    }

    /// Reads a code as a person types it: any case, with spaces or dashes, and with O, I and L
    /// read as the digits they look like.
    pub fn parse(typed: &str) -> Result<Code, CodeError> {
        let mut out = String::with_capacity(CODE_LEN);
        for c in typed.chars() {
            if c.is_whitespace() || c == '-' || c == '\u{2010}' || c == '\u{2013}' {
                continue;
            }
            let c = match c.to_ascii_uppercase() {
                'O' => '0',
                'I' | 'L' => '1',
                c => c,
            };
            if !c.is_ascii() || !ALPHABET.contains(&(c as u8)) {
                return Err(CodeError::Character(c));
            }
            out.push(c);
        }
        match out.len() {
            CODE_LEN => Ok(Code(out)),
            found => Err(CodeError::Length { found }),
        }
    }

    /// The canonical form, which the key is derived from.
    pub fn secret(&self) -> &str {
        &self.0
    }

    /// The code as shown: two groups of five, `ABCDE-12345`.
    pub fn display(&self) -> String {
        format!("{}-{}", &self.0[..5], &self.0[5..])
    }
}
