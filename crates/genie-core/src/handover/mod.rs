//! Handing a person's session from one device to another with no server in between: from a
//! supporter's tablet to the person's own phone, and back at a follow-up.
//!
//! The sending device makes a backup ([`crate::backup`]), compresses it (the browser's
//! `deflate-raw`, when it has one; the receiver unpacks it with [`inflate`] on any browser),
//! and encrypts it with a key derived from a fresh one-time [`Code`] (the browser's
//! PBKDF2-SHA256 and AES-256-GCM, as for a protected backup). The result is a
//! [`Frame`], cut into [`Part`]s that each fit one QR code as a link to the same site with the
//! part in the address's `#` fragment (never sent to a server). The receiving device gathers
//! the parts across page loads ([`Gathered`]), asks for the code, decrypts and restores. Each
//! frame has a [`Frame::id`] that the receiver remembers once used ([`UsedIds`]), and wrong
//! codes typed there ask for a growing wait ([`Attempts`]).
//!
//! The same code also opens the fallback: the backup in the ordinary encrypted wrapper
//! ([`crate::backup::Encrypted`]) sent as a file. The arithmetic behind the code's strength is
//! in `docs/handover.md`.

mod attempts;
mod code;
mod frame;
mod inflate;
mod qr;
pub mod sample;
mod supporter;

pub use attempts::{
    wait_after, wait_words, Attempts, WaitWords, FIRST_WAIT_MS, FREE_TRIES, LONGEST_WAIT_MS,
};
pub use code::{Code, CodeError, CODE_BITS, CODE_LEN};
pub use frame::{
    arrived, id_of, split, Arrived, Frame, FrameError, GatherError, Gathered, Part, PartError,
    UsedIds, FLAG_COMPRESSED, FRAME_VERSION, MAX_PARTS, MAX_USED, PART_DATA, PART_PREFIX,
};
pub use inflate::{inflate, InflateError, MAX_INFLATED};
pub use qr::{qr_picture, QrPicture, QUIET_ZONE};
pub use supporter::{expired, SupporterSession, DEFAULT_SUPPORTER_HOURS, MAX_SUPPORTER_HOURS};
