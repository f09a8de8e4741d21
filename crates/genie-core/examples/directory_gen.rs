//! Writes a made-up directory of realistic spread for benchmarks:
//! `cargo run --release -p genie-core --example directory_gen -- <entries> <out.json> [seed]`.
//! Centred on the sample area (Millbrook, postcodes MB...), so the sample lookup finds home.

use genie_core::directory::generate::realistic;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let (Some(n), Some(out)) = (args.get(1).and_then(|n| n.parse().ok()), args.get(2)) else {
        eprintln!("usage: directory_gen <entries> <out.json> [seed]");
        std::process::exit(2);
    };
    let seed = args.get(3).and_then(|s| s.parse().ok()).unwrap_or(17);
    let dir = realistic(n, seed, (52.6, -1.95), "MB");
    let json = match serde_json::to_string_pretty(&dir) {
        Ok(json) => json,
        Err(e) => {
            eprintln!("could not write the directory: {e}");
            std::process::exit(1);
        }
    };
    if let Err(e) = std::fs::write(out, json) {
        eprintln!("could not write {out}: {e}");
        std::process::exit(1);
    }
}
