//! A minimal zip archive (stored, not compressed) so the research files reach the evaluator
//! as one download: six separate downloads make browsers ask a confusing "allow multiple
//! downloads?" question, and one file is easier for the person to pass on.

use crate::model::Timestamp;

/// The archive's name for an export made at `at`: `genie-research-2025-11-23.zip`.
pub fn zip_name(at: Timestamp) -> String {
    format!("genie-research-{}.zip", super::iso_date(at))
}

/// Writes `files` (name, contents) into one zip archive dated `at` (UTC). Names are ASCII, as
/// the export's own names are; contents are stored as they are.
pub fn zip(files: &[(&str, &[u8])], at: Timestamp) -> Vec<u8> {
    let (time, date) = dos_time(at);
    let mut out = Vec::new();
    let mut central = Vec::new();
    let count = u16::try_from(files.len()).unwrap_or(u16::MAX);
    for (name, contents) in files.iter().take(usize::from(count)) {
        let offset = u32::try_from(out.len()).unwrap_or(u32::MAX);
        let crc = crc32(contents);
        let size = u32::try_from(contents.len()).unwrap_or(u32::MAX);
        let name_len = u16::try_from(name.len()).unwrap_or(0);
        let name = &name.as_bytes()[..usize::from(name_len)];

        // Local file header.
        put32(&mut out, 0x0403_4b50);
        put16(&mut out, 20); // version needed: 2.0
        put16(&mut out, 0x0800); // flags: names are UTF-8
        put16(&mut out, 0); // stored
        put16(&mut out, time);
        put16(&mut out, date);
        put32(&mut out, crc);
        put32(&mut out, size);
        put32(&mut out, size);
        put16(&mut out, name_len);
        put16(&mut out, 0); // no extra field
        out.extend_from_slice(name);
        out.extend_from_slice(contents);

        // Its central directory entry.
        put32(&mut central, 0x0201_4b50);
        put16(&mut central, 20); // made by: 2.0
        put16(&mut central, 20);
        put16(&mut central, 0x0800);
        put16(&mut central, 0);
        put16(&mut central, time);
        put16(&mut central, date);
        put32(&mut central, crc);
        put32(&mut central, size);
        put32(&mut central, size);
        put16(&mut central, name_len);
        put16(&mut central, 0); // extra
        put16(&mut central, 0); // comment
        put16(&mut central, 0); // disk
        put16(&mut central, 0); // internal attributes
        put32(&mut central, 0); // external attributes
        put32(&mut central, offset);
        central.extend_from_slice(name);
    }
    let central_offset = u32::try_from(out.len()).unwrap_or(u32::MAX);
    let central_size = u32::try_from(central.len()).unwrap_or(u32::MAX);
    out.extend_from_slice(&central);
    // End of central directory.
    put32(&mut out, 0x0605_4b50);
    put16(&mut out, 0);
    put16(&mut out, 0);
    put16(&mut out, count);
    put16(&mut out, count);
    put32(&mut out, central_size);
    put32(&mut out, central_offset);
    put16(&mut out, 0);
    out
}

fn put16(out: &mut Vec<u8>, n: u16) {
    out.extend_from_slice(&n.to_le_bytes());
}

fn put32(out: &mut Vec<u8>, n: u32) {
    out.extend_from_slice(&n.to_le_bytes());
}

/// The MS-DOS time and date zip uses (midnight UTC; years 1980 to 2107).
fn dos_time(at: Timestamp) -> (u16, u16) {
    let date = super::iso_date(at);
    let mut parts = date.rsplitn(3, '-');
    let day: u16 = parts.next().and_then(|p| p.parse().ok()).unwrap_or(1);
    let month: u16 = parts.next().and_then(|p| p.parse().ok()).unwrap_or(1);
    let year: i64 = parts.next().and_then(|p| p.parse().ok()).unwrap_or(1980);
    let year = u16::try_from(year.clamp(1980, 2107) - 1980).unwrap_or(0);
    (0, (year << 9) | (month << 5) | day)
}

/// CRC-32 (IEEE), bit by bit: the files are small.
fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = !0u32;
    for &byte in bytes {
        crc ^= u32::from(byte);
        for _ in 0..8 {
            crc = if crc & 1 == 1 {
                (crc >> 1) ^ 0xEDB8_8320
            } else {
                crc >> 1
            };
        }
    }
    !crc
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn crc_matches_the_standard_check_value() {
        assert_eq!(crc32(b"123456789"), 0xCBF4_3926);
        assert_eq!(crc32(b""), 0);
    }

    #[test]
    fn archive_lists_every_file_with_its_contents() {
        let at = Timestamp(1_763_900_000_000);
        let archive = zip(&[("a.csv", b"x,y\r\n"), ("b.md", b"# B\n")], at);
        assert_eq!(&archive[..4], &[0x50, 0x4b, 0x03, 0x04]);
        // The end record says two entries and ends the archive.
        let end = archive.len() - 22;
        assert_eq!(&archive[end..end + 4], &[0x50, 0x4b, 0x05, 0x06]);
        assert_eq!(archive[end + 10], 2);
        let text = String::from_utf8_lossy(&archive);
        assert!(text.contains("a.csvx,y\r\n"));
        assert!(text.contains("b.md# B\n"));
        // 2025-11-23: year 45, month 11, day 23.
        assert_eq!(dos_time(at), (0, (45 << 9) | (11 << 5) | 23));
        assert_eq!(zip_name(at), "genie-research-2025-11-23.zip");
    }
}
