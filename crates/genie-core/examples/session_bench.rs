//! What typing costs the device: bytes stored per keystroke in a member's details, when each
//! keystroke stored the whole map (before member edits) and now (one field). Run in release:
//! `cargo run --release -p genie-core --example session_bench`.
//!
//! Prints `metric <name> <value> <unit>` lines. Timings in the browser are in
//! `tests/bench_session.rs`.

use genie_core::layout::sample;
use genie_core::model::{MemberEdit, MemberField, MemberId, Timestamp, Wave};
use genie_core::store::Write;

fn main() {
    for members in [8, 60, 150] {
        let mut wave = Wave::first(Timestamp(1_767_225_600_000));
        wave.network = sample::network(members, 7);
        let whole = Write::put(&wave).stored_bytes();
        let edit = Write::put(&MemberEdit {
            wave: wave.id,
            member: MemberId(1),
            change: MemberField::Name("Patricia O'Neill".into()),
        })
        .stored_bytes();
        println!("metric store_bytes_per_keystroke_whole_map_{members} {whole} bytes");
        println!("metric store_bytes_per_keystroke_member_edit_{members} {edit} bytes");
    }
}
