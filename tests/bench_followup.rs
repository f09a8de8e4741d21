//! Follow-up benchmark in the browser (not a test): opening the app's data after three years of
//! monthly maps, from IndexedDB in Chromium, and comparing the first and the latest.
//!
//! Run by `scripts/bench.sh` in release; ignored by the normal test run. Prints one
//! `metric <name> <value> <unit>` line per number.

#![cfg(target_arch = "wasm32")]

use genie::store::IndexedDbRepository;
use genie_core::followup::{diff_waves, score_waves, trends};
use genie_core::layout::sample;
use genie_core::model::{Timestamp, Wave, Wellbeing};
use genie_core::store::{load_all, Repository, Write};
use indexed_db_futures::database::Database;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

mod bench_support;
use bench_support::{median_ms, now_ms};

const MONTHS: u32 = 36;
const MEMBERS: usize = 60;
const DAY_MS: i64 = 24 * 60 * 60 * 1000;

/// Three years of monthly maps of a growing network: each month one member more.
fn waves() -> Vec<Wave> {
    let mut first = Wave::first(Timestamp(1_700_000_000_000));
    first.network = sample::network(MEMBERS, 3);
    let mut all = Vec::new();
    let mut current = first;
    for month in 1..MONTHS {
        current.wellbeing = Some(Wellbeing {
            life_satisfaction: Some((month % 11) as u8),
            ..Wellbeing::default()
        });
        let mut next = current.close_and_continue(Timestamp(
            1_700_000_000_000 + i64::from(month) * 30 * DAY_MS,
        ));
        next.network = sample::network(MEMBERS + month as usize, 3);
        all.push(current);
        current = next;
    }
    all.push(current);
    all
}

#[wasm_bindgen_test]
#[ignore = "a benchmark: run by scripts/bench.sh"]
async fn open_three_years_in_chromium() {
    let name = "bench-followup";
    if let Ok(request) = Database::delete_by_name(name) {
        let _ = request.await;
    }
    let Ok(repo) = IndexedDbRepository::open(name, || {}).await else {
        console_log!("could not open the bench database");
        return;
    };
    let stored = waves();
    let writes: Vec<Write> = stored.iter().map(Write::put).collect();
    if repo.write(writes).await.is_err() {
        console_log!("could not store the bench waves");
        return;
    }
    // Opening: read and decode every wave, as the app does at start.
    let mut runs = Vec::new();
    for _ in 0..7 {
        let start = now_ms();
        let loaded = load_all::<Wave>(&repo).await.map(|(w, _)| w.len());
        runs.push(now_ms() - start);
        assert_eq!(loaded, Ok(MONTHS as usize));
    }
    runs.sort_by(f64::total_cmp);
    console_log!(
        "metric wasm_open_36_waves_ms {:.3} ms",
        runs[runs.len() / 2]
    );
    // What the "Over time" page works out from them.
    let first = &stored[0];
    let latest = &stored[stored.len() - 1];
    let ms = median_ms(15, || {
        std::hint::black_box(diff_waves(first, latest));
        std::hint::black_box(score_waves(first, latest));
        std::hint::black_box(trends(&stored));
    });
    console_log!("metric wasm_over_time_page_ms_36_waves {ms:.3} ms");
}
