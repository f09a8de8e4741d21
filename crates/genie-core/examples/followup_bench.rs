//! Times follow-up on large maps. Run in release:
//! `cargo run --release -p genie-core --example followup_bench`.
//!
//! Prints one `metric <name> <value> <unit>` line per number, each the median of several runs:
//! - `followup_diff_ms`: [`diff`] between two 150-member waves;
//! - `followup_score_ms`: [`score_waves`] (diff and five-item score) on the same pair;
//! - `followup_open_36_waves_ms`: decoding 36 monthly waves of 150 members from their stored
//!   envelopes and diffing each with the one before, as a follow-up page opening after three
//!   years would.
//!
//! The maps are generated from a fixed seed, so every run measures the same work.

use std::time::Instant;

use genie_core::followup::{diff, score_waves};
use genie_core::model::{
    Circle, ContactFrequency, MemberKind, Network, Relationship, SupportArea, SupportTask,
    Timestamp, Wave,
};
use genie_core::schema::{decode, encode};

const SEED: u64 = 23;
const MEMBERS: usize = 150;
const MONTHS: usize = 36;

use genie_core::matching::sample::Rng;

fn pick<T: Copy>(rng: &mut Rng, all: &[T]) -> T {
    all[rng.below(all.len())]
}

/// A map of `n` members of every kind, with relationships, contact, support and ties.
fn network(rng: &mut Rng, n: usize) -> Network {
    let mut net = Network::default();
    for i in 0..n {
        let kind = pick(rng, MemberKind::ALL);
        let id = net.add(format!("Member {i}"), kind, pick(rng, Circle::ALL));
        if let Some(m) = net.get_mut(id) {
            if kind == MemberKind::Person {
                m.relationship = Some(pick(rng, Relationship::ALL));
            }
            m.contact = Some(pick(rng, ContactFrequency::ALL));
            for _ in 0..rng.below(3) {
                m.gives.insert(pick(rng, SupportTask::ALL));
            }
            if rng.below(4) == 0 {
                m.receives.insert(pick(rng, SupportArea::ALL));
            }
        }
    }
    for _ in 0..n {
        let (a, b) = (rng.below(n) as u32, rng.below(n) as u32);
        net.tie(
            genie_core::model::MemberId(a),
            genie_core::model::MemberId(b),
        );
    }
    net
}

/// The next drawing: some members lost, moved, re-rated or helping differently, a few new.
fn redraw(rng: &mut Rng, net: &Network) -> Network {
    let mut next = net.clone();
    let ids: Vec<_> = next.members.iter().map(|m| m.id).collect();
    for id in ids {
        match rng.below(20) {
            0 => {
                next.remove(id);
            }
            1 | 2 => {
                if let Some(m) = next.get_mut(id) {
                    m.circle = pick(rng, Circle::ALL);
                }
            }
            3 | 4 => {
                if let Some(m) = next.get_mut(id) {
                    m.contact = Some(pick(rng, ContactFrequency::ALL));
                }
            }
            5 => {
                if let Some(m) = next.get_mut(id) {
                    m.gives.insert(pick(rng, SupportTask::ALL));
                }
            }
            _ => {}
        }
    }
    // Keep the map near its size: add back about as many as were lost.
    while next.members.len() < net.members.len() {
        let i = next.next_id;
        next.add(
            format!("New member {i}"),
            pick(rng, MemberKind::ALL),
            pick(rng, Circle::ALL),
        );
    }
    next
}

fn median_ms(runs: usize, mut f: impl FnMut()) -> f64 {
    let mut times: Vec<f64> = (0..runs)
        .map(|_| {
            let start = Instant::now();
            f();
            start.elapsed().as_secs_f64() * 1000.0
        })
        .collect();
    times.sort_by(f64::total_cmp);
    times[times.len() / 2]
}

fn main() {
    let mut rng = Rng(SEED);
    let mut first = Wave::first(Timestamp(1_767_225_600_000));
    first.network = network(&mut rng, MEMBERS);
    let mut second = first.close_and_continue(Timestamp(1_782_950_400_000));
    second.network = redraw(&mut rng, &first.network);

    let ms = median_ms(101, || {
        std::hint::black_box(diff(&first.network, &second.network));
    });
    println!("metric followup_diff_ms {ms:.3} ms");
    let ms = median_ms(101, || {
        std::hint::black_box(score_waves(&first, &second));
    });
    println!("metric followup_score_ms {ms:.3} ms");

    // Three years of monthly waves, stored as the app stores them.
    let mut waves = vec![first.clone()];
    for month in 1..MONTHS {
        let at = Timestamp(first.started_at.0 + month as i64 * 30 * Timestamp::MS_PER_DAY);
        let Some(last) = waves.last_mut() else {
            break;
        };
        let mut next = last.close_and_continue(at);
        next.network = redraw(&mut rng, &last.network);
        waves.push(next);
    }
    let stored: Vec<String> = waves.iter().map(encode).collect();
    let ms = median_ms(21, || {
        let decoded: Vec<Wave> = stored.iter().filter_map(|s| decode(s).ok()).collect();
        let diffs: Vec<_> = decoded
            .windows(2)
            .map(|pair| diff(&pair[0].network, &pair[1].network))
            .collect();
        assert_eq!(diffs.len(), MONTHS - 1, "every wave decodes");
        std::hint::black_box(diffs);
    });
    println!("metric followup_open_36_waves_ms {ms:.3} ms");
}
