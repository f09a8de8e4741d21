//! Prints how long reading a directory takes natively: checking the published JSON against
//! reading back the packed form the app keeps on the device.
//!
//!   cargo run --release -p genie-core --example directory_read -- [entries, e.g. 50000]

use std::time::Instant;

use genie_core::directory::generate::realistic;
use genie_core::directory::packed::{pack, unpack};
use genie_core::directory::validate_bytes;

fn main() {
    let n: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(50_000);
    let dir = realistic(n, 1, (52.6, -1.95), "MB");
    let json = serde_json::to_vec(&dir).unwrap_or_default();
    let packed = pack(&dir.resources);
    let best = |f: &dyn Fn() -> usize| {
        (0..5)
            .map(|_| {
                let t = Instant::now();
                let kept = f();
                assert_eq!(kept, n);
                t.elapsed().as_secs_f64() * 1000.0
            })
            .fold(f64::MAX, f64::min)
    };
    let check = best(&|| validate_bytes(&json).0.resources.len());
    let read = best(&|| unpack(&packed).map(|r| r.len()).unwrap_or(0));
    let write = best(&|| pack(&dir.resources).len() / packed.len() * n);
    println!(
        "metric directory_json_kb_{n} {:.1} KB",
        json.len() as f64 / 1024.0
    );
    println!(
        "metric directory_packed_kb_{n} {:.1} KB",
        packed.len() as f64 / 1024.0
    );
    println!("metric directory_check_json_ms_{n} {check:.1} ms");
    println!("metric directory_read_packed_ms_{n} {read:.1} ms");
    println!("metric directory_write_packed_ms_{n} {write:.1} ms");
}
