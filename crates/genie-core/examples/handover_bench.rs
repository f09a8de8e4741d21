//! What a hand-over costs: for networks of 8, 30 and 60 members with a profile, preferences
//! and three choices, the backup's bytes, compressed (raw deflate at level 6, as the browser's
//! `CompressionStream("deflate-raw")` does it), sealed, the number of QR codes and their
//! largest version, and the time to cut into codes and draw them, and to gather and read back
//! (natively; the browser's own times, key derivation included, come from the hand-over
//! journey). Run in release: `cargo run --release -p genie-core --example handover_bench`.
//!
//! Prints `metric <name> <value> <unit>` lines.

use std::time::Instant;

use genie_core::backup::{self, Encrypted, ITERATIONS, TAG_LEN};
use genie_core::handover::{qr_picture, sample, split, Frame, Gathered, PART_DATA};
use genie_core::model::Timestamp;

const SITE: &str = "https://genie.example.org/millbrook/";

fn main() {
    for members in [8, 30, 60] {
        let contents = sample::contents(members, 11);
        let text = backup::write(&contents, Timestamp(1_767_225_600_000));
        let runs = 20;

        let start = Instant::now();
        let mut codes = Vec::new();
        let mut compressed = Vec::new();
        for _ in 0..runs {
            compressed = miniz_oxide::deflate::compress_to_vec(text.as_bytes(), 6);
            // AES-GCM keeps the length and adds its tag.
            let mut sealed = compressed.clone();
            sealed.extend_from_slice(&[0; TAG_LEN]);
            let frame = Frame {
                compressed: true,
                sealed: Encrypted {
                    iterations: ITERATIONS,
                    salt: [7; 16],
                    iv: [9; 12],
                    ciphertext: sealed,
                },
            };
            let parts = split(&frame, PART_DATA).unwrap_or_default();
            codes = parts
                .iter()
                .map(|p| (p.clone(), qr_picture(&format!("{SITE}#{}", p.fragment()))))
                .collect();
        }
        let encode = start.elapsed().as_secs_f64() * 1000.0 / f64::from(runs);

        let start = Instant::now();
        for _ in 0..runs {
            let mut gathered: Option<Gathered> = None;
            for (part, _) in codes.iter().rev() {
                gathered = Some(match gathered {
                    None => Gathered::new(part.clone()),
                    Some(g) => g
                        .with(part.clone())
                        .unwrap_or_else(|_| Gathered::new(part.clone())),
                });
            }
            let frame = gathered.and_then(|g| g.assemble()).and_then(Result::ok);
            let plain = frame.map(|f| {
                let body = &f.sealed.ciphertext[..f.sealed.ciphertext.len() - TAG_LEN];
                miniz_oxide::inflate::decompress_to_vec(body).unwrap_or_default()
            });
            let read = plain.and_then(|p| backup::parse(&String::from_utf8(p).ok()?).ok());
            assert!(read.is_some(), "the backup reads back");
        }
        let decode = start.elapsed().as_secs_f64() * 1000.0 / f64::from(runs);

        let version = codes
            .iter()
            .filter_map(|(_, qr)| qr.as_ref().map(|q| q.version))
            .max()
            .unwrap_or(0);
        println!(
            "metric handover_backup_bytes_{members} {} bytes",
            text.len()
        );
        println!(
            "metric handover_compressed_bytes_{members} {} bytes",
            compressed.len()
        );
        println!("metric handover_codes_{members} {} codes", codes.len());
        println!("metric handover_qr_version_max_{members} {version} version");
        println!("metric handover_encode_native_{members} {encode:.2} ms");
        println!("metric handover_decode_native_{members} {decode:.2} ms");
    }
}
