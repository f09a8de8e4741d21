//! The frame a hand-over carries, its parts (one per QR code), and gathering the parts back.
//!
//! A frame is bytes: `[version, flags, iterations (u32, big-endian), salt (16), iv (12),
//! ciphertext]`, written as unpadded base64url and cut into parts. A part is a fragment
//! `/h/1/<id>/<index>/<count>/<data>`: the hash router reads only the first word, and base64url
//! has no `/`, so every part is one well-formed address.

use std::collections::BTreeMap;

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use serde::{Deserialize, Serialize};

use crate::backup::{
    Contents, Encrypted, IV_LEN, MAX_ITERATIONS, MIN_ITERATIONS, SALT_LEN, TAG_LEN,
};

/// The frame layout written today.
pub const FRAME_VERSION: u8 = 1;
/// The ciphertext holds `deflate-raw` output rather than the backup text itself.
pub const FLAG_COMPRESSED: u8 = 1;
/// What every part's fragment starts with (after `#`).
pub const PART_PREFIX: &str = "/h/1/";
/// Base64url characters of frame per part: with the site's address and the part's header a
/// link stays under about 900 bytes, a QR code of version 20 or so at low error correction,
/// which a phone camera reads from a tablet's screen at arm's length.
pub const PART_DATA: usize = 800;
/// No hand-over needs more codes than this; more is refused as not ours.
pub const MAX_PARTS: u16 = 99;
/// How many used hand-overs a device remembers.
pub const MAX_USED: usize = 50;

const HEADER_LEN: usize = 2 + 4 + SALT_LEN + IV_LEN;
/// Characters of the id: base64url of the first 9 bytes of the salt.
const ID_LEN: usize = 12;

/// An encrypted backup as a hand-over carries it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Frame {
    /// Whether the plain text was compressed before it was encrypted.
    pub compressed: bool,
    pub sealed: Encrypted,
}

/// Why bytes are not a frame.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum FrameError {
    #[error("made by a newer version of Genie")]
    Newer,
    #[error("the hand-over is damaged")]
    Damaged,
}

impl Frame {
    /// The frame as bytes.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(HEADER_LEN + self.sealed.ciphertext.len());
        out.push(FRAME_VERSION);
        out.push(if self.compressed { FLAG_COMPRESSED } else { 0 });
        out.extend_from_slice(&self.sealed.iterations.to_be_bytes());
        out.extend_from_slice(&self.sealed.salt);
        out.extend_from_slice(&self.sealed.iv);
        out.extend_from_slice(&self.sealed.ciphertext);
        out
    }

    /// Reads and checks a frame's bytes.
    pub fn from_bytes(bytes: &[u8]) -> Result<Frame, FrameError> {
        let (&version, rest) = bytes.split_first().ok_or(FrameError::Damaged)?;
        if version == 0 {
            return Err(FrameError::Damaged);
        }
        if version > FRAME_VERSION {
            return Err(FrameError::Newer);
        }
        if rest.len() < HEADER_LEN - 1 + TAG_LEN {
            return Err(FrameError::Damaged);
        }
        let flags = rest[0];
        if flags & !FLAG_COMPRESSED != 0 {
            return Err(FrameError::Damaged);
        }
        let iterations = u32::from_be_bytes([rest[1], rest[2], rest[3], rest[4]]);
        if !(MIN_ITERATIONS..=MAX_ITERATIONS).contains(&iterations) {
            return Err(FrameError::Damaged);
        }
        let salt_at = 5;
        let iv_at = salt_at + SALT_LEN;
        let data_at = iv_at + IV_LEN;
        let salt = rest[salt_at..iv_at]
            .try_into()
            .map_err(|_| FrameError::Damaged)?;
        let iv = rest[iv_at..data_at]
            .try_into()
            .map_err(|_| FrameError::Damaged)?;
        Ok(Frame {
            compressed: flags & FLAG_COMPRESSED != 0,
            sealed: Encrypted {
                iterations,
                salt,
                iv,
                ciphertext: rest[data_at..].to_vec(),
            },
        })
    }

    /// The hand-over's id: from its random salt, so each attempt has its own.
    pub fn id(&self) -> String {
        id_of(&self.sealed)
    }
}

/// The id of a hand-over sealed as `sealed`: base64url of the first 9 bytes of its salt. The
/// file and the codes of one hand-over share their salt (and key), so they share the id, and
/// taking in either one uses both. The salt cannot be changed without the code no longer
/// opening it, so a used hand-over cannot be disguised as a new one.
pub fn id_of(sealed: &Encrypted) -> String {
    URL_SAFE_NO_PAD.encode(&sealed.salt[..9])
}

/// One QR code's worth of a frame.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Part {
    pub id: String,
    /// From 1.
    pub index: u16,
    pub count: u16,
    pub data: String,
}

/// Why a hand-over fragment cannot be used.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum PartError {
    #[error("made by a newer version of Genie")]
    Newer,
    #[error("the code's link is damaged or cut short")]
    Damaged,
}

impl Part {
    /// The address fragment for this part, without the `#`.
    pub fn fragment(&self) -> String {
        format!(
            "{PART_PREFIX}{}/{}/{}/{}",
            self.id, self.index, self.count, self.data
        )
    }

    /// Whether a fragment (without `#`) is meant as a hand-over part at all.
    pub fn is_handover(fragment: &str) -> bool {
        fragment.starts_with("/h/")
    }

    /// Reads a fragment; `None` when it is not a hand-over link at all (an ordinary page).
    pub fn parse(fragment: &str) -> Option<Result<Part, PartError>> {
        let rest = fragment.strip_prefix("/h/")?;
        let Some(rest) = rest.strip_prefix("1/") else {
            let newer = rest
                .split('/')
                .next()
                .and_then(|v| v.parse::<u32>().ok())
                .is_some_and(|v| v > 1);
            return Some(Err(if newer {
                PartError::Newer
            } else {
                PartError::Damaged
            }));
        };
        Some(Self::fields(rest).ok_or(PartError::Damaged))
    }

    fn fields(rest: &str) -> Option<Part> {
        let mut fields = rest.split('/');
        let id = fields.next()?;
        let index: u16 = fields.next()?.parse().ok()?;
        let count: u16 = fields.next()?.parse().ok()?;
        let data = fields.next()?;
        let base64url = |s: &str| {
            s.bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
        };
        let sound = fields.next().is_none()
            && id.len() == ID_LEN
            && base64url(id)
            && (1..=MAX_PARTS).contains(&count)
            && (1..=count).contains(&index)
            && !data.is_empty()
            && base64url(data);
        sound.then(|| Part {
            id: id.to_string(),
            index,
            count,
            data: data.to_string(),
        })
    }
}

/// Cuts a frame into parts of at most `per_part` characters each. `None` if it would need
/// more than [`MAX_PARTS`].
pub fn split(frame: &Frame, per_part: usize) -> Option<Vec<Part>> {
    let text = URL_SAFE_NO_PAD.encode(frame.to_bytes());
    let per_part = per_part.max(1);
    let chunks: Vec<&str> = text
        .as_bytes()
        .chunks(per_part)
        .map(|c| std::str::from_utf8(c).unwrap_or_default())
        .collect();
    let count = u16::try_from(chunks.len())
        .ok()
        .filter(|n| *n <= MAX_PARTS)?;
    let id = frame.id();
    Some(
        chunks
            .iter()
            .zip(1..)
            .map(|(data, index)| Part {
                id: id.clone(),
                index,
                count,
                data: (*data).to_string(),
            })
            .collect(),
    )
}

/// The parts of one hand-over read so far, kept between page loads.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Gathered {
    pub id: String,
    pub count: u16,
    pub parts: BTreeMap<u16, String>,
}

/// Why a part does not belong with the parts gathered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum GatherError {
    /// Same hand-over, but it says a different number of codes, or the same code with other
    /// data: not made by Genie.
    #[error("the code does not match the others")]
    Mismatch,
}

impl Gathered {
    /// Starts gathering with a first part.
    pub fn new(part: Part) -> Gathered {
        Gathered {
            id: part.id,
            count: part.count,
            parts: BTreeMap::from([(part.index, part.data)]),
        }
    }

    /// Adds a part of the same hand-over, or starts again from a part of a newer one (the
    /// sender made new codes). Reading a code twice is harmless.
    pub fn with(self, part: Part) -> Result<Gathered, GatherError> {
        if part.id != self.id {
            return Ok(Gathered::new(part));
        }
        if part.count != self.count {
            return Err(GatherError::Mismatch);
        }
        let mut next = self;
        match next.parts.get(&part.index) {
            Some(data) if *data != part.data => return Err(GatherError::Mismatch),
            _ => {
                next.parts.insert(part.index, part.data);
            }
        }
        Ok(next)
    }

    pub fn received(&self) -> usize {
        self.parts.len()
    }

    pub fn is_complete(&self) -> bool {
        self.parts.len() == usize::from(self.count)
    }

    /// The frame, once every part is here.
    pub fn assemble(&self) -> Option<Result<Frame, FrameError>> {
        if !self.is_complete() {
            return None;
        }
        let text: String = self.parts.values().map(String::as_str).collect();
        Some(
            URL_SAFE_NO_PAD
                .decode(text)
                .map_err(|_| FrameError::Damaged)
                .and_then(|bytes| Frame::from_bytes(&bytes))
                .and_then(|frame| {
                    if frame.id() == self.id {
                        Ok(frame)
                    } else {
                        Err(FrameError::Damaged)
                    }
                }),
        )
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    /// Reads what was kept; anything unreadable is as if nothing was.
    pub fn from_json(text: &str) -> Option<Gathered> {
        serde_json::from_str::<Gathered>(text)
            .ok()
            .filter(|g| (1..=MAX_PARTS).contains(&g.count))
    }
}

/// The hand-overs this device has taken in: each works once.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct UsedIds(pub Vec<String>);

impl UsedIds {
    pub fn contains(&self, id: &str) -> bool {
        self.0.iter().any(|used| used == id)
    }

    /// Remembers `id`, forgetting the oldest beyond [`MAX_USED`].
    pub fn add(&mut self, id: &str) {
        if !self.contains(id) {
            self.0.push(id.to_string());
        }
        let extra = self.0.len().saturating_sub(MAX_USED);
        self.0.drain(..extra);
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    pub fn from_json(text: &str) -> UsedIds {
        serde_json::from_str(text).unwrap_or_default()
    }
}

/// What arrived, in the words the person checks against the sender's screen: the names on
/// the newest map, and the activities chosen.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Arrived {
    pub about_you: bool,
    pub members: Vec<String>,
    pub choices: Vec<String>,
    pub maps: usize,
}

pub fn arrived(contents: &Contents) -> Arrived {
    let newest = contents.waves.iter().max_by_key(|w| w.id);
    Arrived {
        about_you: contents.profile.as_ref().is_some_and(|p| !p.is_empty()),
        members: newest
            .map(|w| w.network.members.iter().map(|m| m.name.clone()).collect())
            .unwrap_or_default(),
        choices: contents
            .choices
            .iter()
            .map(|c| c.resource_name.clone())
            .collect(),
        maps: contents.waves.len(),
    }
}
