//! Hand-over benchmark in the browser (not a test): for networks of 8, 30 and 60 members with
//! answers about the person, preferences and three choices, the time to make the codes
//! (backup text, the browser's deflate-raw, PBKDF2 and AES-GCM, cutting into parts, drawing
//! each QR code) and to open them (gathering, PBKDF2 and AES-GCM, inflating in the core, reading
//! the backup), with the bytes and the number of codes. Key derivation dominates both.
//!
//! Run by `scripts/bench.sh` in release; ignored by the normal test run. Prints one
//! `metric <name> <value> <unit>` line per number.

#![cfg(target_arch = "wasm32")]

use genie::platform::{compress, crypto};
use genie_core::backup;
use genie_core::handover::{self, qr_picture, sample, split, Code, Frame, Gathered, PART_DATA};
use genie_core::model::Timestamp;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

// Only the clock is needed here: each step is awaited, so no closure to time.
#[allow(dead_code)]
mod bench_support;
use bench_support::now_ms;

const SITE: &str = "https://genie.example.org/millbrook/";

#[wasm_bindgen_test]
#[ignore = "a benchmark: run by scripts/bench.sh"]
async fn hand_over_in_chromium() {
    let Ok(code) = crypto::random().map(Code::from_random) else {
        console_log!("no cryptography in this browser");
        return;
    };
    for members in [8, 30, 60] {
        let text = backup::write(&sample::contents(members, 11), Timestamp(1_767_225_600_000));

        let start = now_ms();
        let Some(compressed) = compress::deflate_raw(text.as_bytes()).await else {
            console_log!("no CompressionStream in this browser");
            return;
        };
        let Ok(sealed) = crypto::seal(&compressed, code.secret()).await else {
            console_log!("could not encrypt");
            return;
        };
        let parts = split(
            &Frame {
                compressed: true,
                sealed,
            },
            PART_DATA,
        )
        .unwrap_or_default();
        let pictures: Vec<_> = parts
            .iter()
            .filter_map(|p| qr_picture(&format!("{SITE}#{}", p.fragment())))
            .collect();
        let encode = now_ms() - start;

        let start = now_ms();
        let mut gathered: Option<Gathered> = None;
        for part in parts.iter().rev() {
            gathered = match gathered {
                None => Some(Gathered::new(part.clone())),
                Some(g) => g.with(part.clone()).ok(),
            };
        }
        let Some(Ok(frame)) = gathered.and_then(|g| g.assemble()) else {
            console_log!("the parts did not gather");
            return;
        };
        let Ok(opened) = crypto::open(&frame.sealed, code.secret()).await else {
            console_log!("could not decrypt");
            return;
        };
        let read = match handover::inflate(&opened) {
            Ok(plain) => String::from_utf8(plain)
                .ok()
                .and_then(|t| backup::parse(&t).ok()),
            Err(_) => None,
        };
        let decode = now_ms() - start;
        assert!(read.is_some(), "the backup reads back");

        console_log!(
            "metric handover_browser_compressed_bytes_{members} {} bytes",
            compressed.len()
        );
        console_log!(
            "metric handover_browser_codes_{members} {} codes",
            pictures.len()
        );
        console_log!("metric handover_browser_encode_{members} {encode:.0} ms");
        console_log!("metric handover_browser_decode_{members} {decode:.0} ms");
    }
}
