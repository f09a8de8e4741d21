//! Session benchmark in the browser (not a test): opening three years of monthly maps of 150
//! members from IndexedDB as the app does at start (each map with its member edits folded in),
//! and the time from an edit to "Saved" (the batch committed) for one typed field and for the
//! whole map.
//!
//! Run by `scripts/bench.sh` in release; ignored by the normal test run. Prints one
//! `metric <name> <value> <unit>` line per number.

#![cfg(target_arch = "wasm32")]

use genie::store::IndexedDbRepository;
use genie_core::layout::sample;
use genie_core::model::{MemberEdit, MemberField, MemberId, Timestamp, Wave};
use genie_core::store::{load_waves, save_wave_writes, Repository, Write};
use indexed_db_futures::database::Database;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

mod bench_support;
use bench_support::{median_ms, now_ms};

const MONTHS: i64 = 36;
const MEMBERS: usize = 150;
const DAY_MS: i64 = 24 * 60 * 60 * 1000;

fn median(mut runs: Vec<f64>) -> f64 {
    runs.sort_by(f64::total_cmp);
    runs[runs.len() / 2]
}

#[wasm_bindgen_test]
#[ignore = "a benchmark: run by scripts/bench.sh"]
async fn open_and_edit_in_chromium() {
    let name = "bench-session";
    if let Ok(request) = Database::delete_by_name(name) {
        let _ = request.await;
    }
    let Ok(repo) = IndexedDbRepository::open(name, || {}).await else {
        console_log!("could not open the bench database");
        return;
    };
    let mut current = Wave::first(Timestamp(1_700_000_000_000));
    current.network = sample::network(MEMBERS, 3);
    let mut batch = Vec::new();
    for month in 1..MONTHS {
        let next = current.close_and_continue(Timestamp(1_700_000_000_000 + month * 30 * DAY_MS));
        batch.push(Write::put(&current));
        current = next;
    }
    batch.extend(save_wave_writes(&current));
    if repo.write(batch).await.is_err() {
        console_log!("could not store the bench maps");
        return;
    }

    let mut runs = Vec::new();
    for _ in 0..7 {
        let start = now_ms();
        let loaded = load_waves(&repo).await.map(|(w, _)| w.len());
        runs.push(now_ms() - start);
        assert_eq!(loaded, Ok(MONTHS as usize));
    }
    console_log!(
        "metric wasm_open_36_waves_150_members_ms {:.3} ms",
        median(runs)
    );

    // Folding a typed name into a 150-member map, as the screen does for each keystroke.
    let ms = median_ms(15, || {
        let mut wave = current.clone();
        wave.apply_edit(&MemberEdit {
            wave: current.id,
            member: MemberId(1),
            change: MemberField::Name("Patricia".into()),
        });
        std::hint::black_box(wave);
    });
    console_log!("metric wasm_apply_member_edit_ms_150 {ms:.3} ms");

    // From a keystroke to "Saved": the one field, then (as before) the whole map.
    let mut runs = Vec::new();
    for i in 0..15 {
        let edit = MemberEdit {
            wave: current.id,
            member: MemberId(1),
            change: MemberField::Name(format!("Patricia {i}")),
        };
        let start = now_ms();
        let saved = repo.write(vec![Write::put(&edit)]).await;
        runs.push(now_ms() - start);
        assert_eq!(saved, Ok(()));
    }
    console_log!(
        "metric wasm_edit_to_saved_ms_member_edit {:.3} ms",
        median(runs)
    );
    let mut runs = Vec::new();
    for _ in 0..15 {
        let start = now_ms();
        let saved = repo.write(save_wave_writes(&current)).await;
        runs.push(now_ms() - start);
        assert_eq!(saved, Ok(()));
    }
    console_log!(
        "metric wasm_edit_to_saved_ms_whole_map_150 {:.3} ms",
        median(runs)
    );
    repo.close();
}
