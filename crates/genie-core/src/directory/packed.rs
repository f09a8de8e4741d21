//! Checked directory entries in a compact binary form, for keeping on the device and for
//! handing from the background worker to the page.
//!
//! Reading a tile's JSON means scanning text, matching keys and checking every field; reading
//! this form is a walk over lengths and bytes, several times quicker, because the check has
//! already been done. It is never published: the app writes it from entries it checked itself,
//! and reads it back only with the same layout (the header names the format and a fingerprint
//! of every closed list it stores by position). Anything else, a damaged copy included, is an
//! error and the caller checks the published file again.

use std::collections::BTreeSet;

use super::{Contact, Cost, Date, Location, Precision, Reach, Resource, Session, Status};
use crate::model::{AccessNeed, DayPart, SubCategory, Weekday};

/// The first bytes of a packed list; the digit is the format's version, raised by hand when
/// the layout changes in a way the fingerprint below would not see.
const MAGIC: &[u8; 4] = b"GNP1";

/// The fewest bytes an entry takes: three empty strings, two empty sets, national reach, no
/// sessions, a cost, no languages, three empty contact fields, no date, a status.
const SMALLEST_ENTRY: usize = 14;

/// Why packed bytes could not be read. Callers treat every case the same way (check the
/// published file again); the kinds are for tests and logs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PackError {
    /// Not our format, or written with another layout of the closed lists.
    OtherLayout,
    /// Ends before the data does, or holds a value out of range.
    Damaged,
}

/// FNV-1a over `bytes`, from `hash`; usable at compile time.
const fn fnv(bytes: &[u8], mut hash: u64) -> u64 {
    let mut i = 0;
    while i < bytes.len() {
        hash ^= bytes[i] as u64;
        hash = hash.wrapping_mul(0x0100_0000_01b3);
        i += 1;
    }
    hash
}

/// The source of the check and of this format: a build that checks entries differently (or
/// packs them differently) reads copies kept by an earlier one as another layout, and checks
/// the published file again, without anyone having to remember a version number.
const CHECK_SOURCE: u64 = fnv(
    include_bytes!("validate.rs"),
    fnv(
        include_bytes!("raw.rs"),
        fnv(
            include_bytes!("mod.rs"),
            fnv(include_bytes!("packed.rs"), 0xcbf2_9ce4_8422_2325),
        ),
    ),
);

/// A fingerprint of the check's source and of the closed lists stored by position: a build
/// that adds, removes or reorders a sub-category, access need, day or part of day reads older
/// copies as another layout instead of as wrong values.
pub fn layout() -> u64 {
    let mut hash: u64 = CHECK_SOURCE;
    let mut eat = |word: &str| {
        for byte in word.bytes().chain([0]) {
            hash ^= u64::from(byte);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
    };
    SubCategory::ALL.iter().for_each(|v| eat(v.as_str()));
    eat("|");
    AccessNeed::ALL.iter().for_each(|v| eat(v.as_str()));
    eat("|");
    Weekday::ALL.iter().for_each(|v| eat(v.as_str()));
    eat("|");
    DayPart::ALL.iter().for_each(|v| eat(v.as_str()));
    hash
}

/// Writes `resources` in the packed form.
pub fn pack(resources: &[Resource]) -> Vec<u8> {
    let mut w = Writer(Vec::with_capacity(resources.len() * 256 + 16));
    w.0.extend_from_slice(MAGIC);
    w.0.extend_from_slice(&layout().to_le_bytes());
    w.len(resources.len());
    for r in resources {
        w.resource(r);
    }
    w.0
}

/// Reads what [`pack`] wrote. Never panics, whatever the bytes.
pub fn unpack(bytes: &[u8]) -> Result<Vec<Resource>, PackError> {
    let mut r = Reader { bytes, at: 0 };
    let magic = r.take(4).map_err(|_| PackError::OtherLayout)?;
    let fingerprint = r.take(8).map_err(|_| PackError::OtherLayout)?;
    if magic != MAGIC || fingerprint != layout().to_le_bytes() {
        return Err(PackError::OtherLayout);
    }
    let count = r.len()?;
    // Every entry takes at least this many bytes, so a damaged count never reserves more
    // entries than the bytes left could hold.
    let mut out = Vec::with_capacity(count.min(bytes.len().saturating_sub(r.at) / SMALLEST_ENTRY));
    for _ in 0..count {
        out.push(r.resource()?);
    }
    if r.at != bytes.len() {
        return Err(PackError::Damaged);
    }
    Ok(out)
}

struct Writer(Vec<u8>);

impl Writer {
    /// LEB128, as lengths and counts are nearly always small.
    fn len(&mut self, mut n: usize) {
        loop {
            let byte = (n & 0x7f) as u8;
            n >>= 7;
            if n == 0 {
                self.0.push(byte);
                return;
            }
            self.0.push(byte | 0x80);
        }
    }

    fn str(&mut self, s: &str) {
        self.len(s.len());
        self.0.extend_from_slice(s.as_bytes());
    }

    fn opt_str(&mut self, s: Option<&str>) {
        match s {
            None => self.0.push(0),
            Some(s) => {
                self.0.push(1);
                self.str(s);
            }
        }
    }

    fn f64(&mut self, v: f64) {
        self.0.extend_from_slice(&v.to_le_bytes());
    }

    /// A closed-list value by its place in the list's `ALL`.
    fn word<T: PartialEq>(&mut self, all: &[T], v: &T) {
        let i = all.iter().position(|x| x == v).unwrap_or(usize::MAX);
        self.len(i);
    }

    fn resource(&mut self, r: &Resource) {
        self.str(&r.id);
        self.str(&r.name);
        self.str(&r.description);
        self.len(r.subcategories.len());
        for s in &r.subcategories {
            self.word(SubCategory::ALL, s);
        }
        match &r.reach {
            Reach::Local { location } => {
                self.0.push(0);
                self.f64(location.lat);
                self.f64(location.lon);
                self.str(&location.address);
                self.str(&location.postcode);
                self.0.push(match location.precision {
                    Precision::Exact => 0,
                    Precision::Postcode => 1,
                });
            }
            Reach::National => self.0.push(1),
            Reach::Online => self.0.push(2),
        }
        self.len(r.sessions.len());
        for s in &r.sessions {
            self.word(Weekday::ALL, &s.day);
            self.word(DayPart::ALL, &s.part);
            self.opt_str(s.starts.as_deref());
            self.opt_str(s.ends.as_deref());
        }
        match r.cost {
            Cost::Free => self.0.push(0),
            Cost::Paid { minor_units } => {
                self.0.push(1);
                self.len(minor_units as usize);
            }
            Cost::Unknown => self.0.push(2),
        }
        self.len(r.access.len());
        for a in &r.access {
            self.word(AccessNeed::ALL, a);
        }
        self.len(r.languages.len());
        for l in &r.languages {
            self.str(l);
        }
        self.str(&r.contact.phone);
        self.str(&r.contact.email);
        self.str(&r.contact.website);
        match r.checked {
            None => self.0.push(0),
            Some(d) => {
                self.0.push(1);
                self.0.extend_from_slice(&d.year.to_le_bytes());
                self.0.push(d.month);
                self.0.push(d.day);
            }
        }
        self.0.push(match r.status {
            Status::Active => 0,
            Status::Inactive => 1,
            Status::Defunct => 2,
        });
    }
}

struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8], PackError> {
        let end = self.at.checked_add(n).ok_or(PackError::Damaged)?;
        let slice = self.bytes.get(self.at..end).ok_or(PackError::Damaged)?;
        self.at = end;
        Ok(slice)
    }

    fn byte(&mut self) -> Result<u8, PackError> {
        Ok(self.take(1)?[0])
    }

    fn len(&mut self) -> Result<usize, PackError> {
        let mut n: usize = 0;
        for shift in (0..64).step_by(7) {
            let byte = self.byte()?;
            let part = usize::from(byte & 0x7f)
                .checked_shl(shift)
                .ok_or(PackError::Damaged)?;
            n |= part;
            if byte & 0x80 == 0 {
                return Ok(n);
            }
        }
        Err(PackError::Damaged)
    }

    fn str(&mut self) -> Result<String, PackError> {
        let n = self.len()?;
        let bytes = self.take(n)?;
        std::str::from_utf8(bytes)
            .map(str::to_owned)
            .map_err(|_| PackError::Damaged)
    }

    fn opt_str(&mut self) -> Result<Option<String>, PackError> {
        match self.byte()? {
            0 => Ok(None),
            1 => self.str().map(Some),
            _ => Err(PackError::Damaged),
        }
    }

    fn f64(&mut self) -> Result<f64, PackError> {
        let mut raw = [0u8; 8];
        raw.copy_from_slice(self.take(8)?);
        Ok(f64::from_le_bytes(raw))
    }

    fn word<T: Copy>(&mut self, all: &[T]) -> Result<T, PackError> {
        let i = self.len()?;
        all.get(i).copied().ok_or(PackError::Damaged)
    }

    fn words<T: Copy + Ord>(&mut self, all: &[T]) -> Result<BTreeSet<T>, PackError> {
        let n = self.len()?;
        let mut set = BTreeSet::new();
        for _ in 0..n {
            set.insert(self.word(all)?);
        }
        Ok(set)
    }

    fn resource(&mut self) -> Result<Resource, PackError> {
        let id = self.str()?;
        let name = self.str()?;
        let description = self.str()?;
        let subcategories = self.words(SubCategory::ALL)?;
        let reach = match self.byte()? {
            0 => {
                let lat = self.f64()?;
                let lon = self.f64()?;
                let address = self.str()?;
                let postcode = self.str()?;
                let precision = match self.byte()? {
                    0 => Precision::Exact,
                    1 => Precision::Postcode,
                    _ => return Err(PackError::Damaged),
                };
                Reach::Local {
                    location: Location {
                        lat,
                        lon,
                        address,
                        postcode,
                        precision,
                    },
                }
            }
            1 => Reach::National,
            2 => Reach::Online,
            _ => return Err(PackError::Damaged),
        };
        let n = self.len()?;
        let mut sessions = Vec::with_capacity(n.min(64));
        for _ in 0..n {
            sessions.push(Session {
                day: self.word(Weekday::ALL)?,
                part: self.word(DayPart::ALL)?,
                starts: self.opt_str()?,
                ends: self.opt_str()?,
            });
        }
        let cost = match self.byte()? {
            0 => Cost::Free,
            1 => Cost::Paid {
                minor_units: u32::try_from(self.len()?).map_err(|_| PackError::Damaged)?,
            },
            2 => Cost::Unknown,
            _ => return Err(PackError::Damaged),
        };
        let access = self.words(AccessNeed::ALL)?;
        let n = self.len()?;
        let mut languages = Vec::with_capacity(n.min(64));
        for _ in 0..n {
            languages.push(self.str()?);
        }
        let contact = Contact {
            phone: self.str()?,
            email: self.str()?,
            website: self.str()?,
        };
        let checked = match self.byte()? {
            0 => None,
            1 => {
                let year = self.take(2)?;
                let year = u16::from_le_bytes([year[0], year[1]]);
                let month = self.byte()?;
                let day = self.byte()?;
                Some(Date { year, month, day })
            }
            _ => return Err(PackError::Damaged),
        };
        let status = match self.byte()? {
            0 => Status::Active,
            1 => Status::Inactive,
            2 => Status::Defunct,
            _ => return Err(PackError::Damaged),
        };
        Ok(Resource {
            id,
            name,
            description,
            subcategories,
            reach,
            sessions,
            cost,
            access,
            languages,
            contact,
            checked,
            status,
        })
    }
}
