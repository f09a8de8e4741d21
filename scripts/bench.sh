#!/usr/bin/env bash
# Builds the release bundle and prints benchmark numbers as `metric <name> <value> <unit>`.
# Numbers are for reading and for the issue notes; nothing here passes or fails on time.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$GENIE_ROOT"

"$GENIE_ROOT/scripts/setup.sh" >/dev/null
# twiggy reads where the wasm's bytes are; only the benchmark needs it, so setup.sh leaves it out.
TWIGGY_VERSION=0.8.0
if [ "$(twiggy --version 2>/dev/null)" != "twiggy-opt $TWIGGY_VERSION" ]; then
  cargo install twiggy --version "$TWIGGY_VERSION" --locked
fi

trunk build --release >/dev/null 2>&1 || trunk build --release
node scripts/bench-size.mjs dist
# Where the wasm's bytes are, per crate and per module of ours (twiggy, on the release build's
# module before wasm-bindgen and wasm-opt, which still has its function names): the whole app,
# then the part a first visit downloads (the pages' code cut out as scripts/split-app.mjs does).
node scripts/bench-wasm-crates.mjs target/wasm32-unknown-unknown/release/genie.wasm
rm -rf target/bench-split
wasm-split-cli target/wasm32-unknown-unknown/release/genie.wasm target/bench-split --out-name genie
echo "# the first load's part only"
node scripts/bench-wasm-crates.mjs target/bench-split/genie.wasm | sed 's/^metric wasm_/metric first_load_wasm_/'
# What a first visit downloads in Chromium, every request counted, from a compressing host and
# from one that is not.
with_own_tmp node scripts/bench-first-visit.mjs dist
# A first visit and a repeat visit on Slow 4G with the CPU slowed four times.
with_own_tmp node scripts/bench-slow-phone.mjs dist
# Each language's catalogue (fetched only when chosen) and the time to switch to it.
node scripts/bench-i18n.mjs dist

# How long the main pages are on a 360 px phone (page heights, in pixels and screens).
with_own_tmp node scripts/bench-pages.mjs

# Offline: what the service worker keeps, its install time, and a second visit with no
# connection; then Lighthouse at mobile settings (slow, so here and not in the tests).
node scripts/sw-bench.mjs dist
node scripts/bench-lighthouse.mjs dist

# The core journeys in WebKit, Firefox ESR and Chromium: journeys passed, and the time to the
# welcome words and to a usable Start on a first visit.
GENIE_ENGINES_WITH_CHROMIUM=1 with_own_tmp node --test --test-concurrency=1 tests/engines/ 2>&1 \
  | grep -o 'metric .*' || true

# Matching and directory checks, and the HSDS importer, natively.
cargo run --release -q -p genie-core --example matching_bench
cargo run --release -q -p genie-core --example directory_read -- 50000
cargo run --release -q -p genie-import --example import_bench
cargo run --release -q -p genie-import --example real_bench

# Directories of 1,000 / 10,000 / 50,000 made-up entries in the release build at 360 px with
# the CPU slowed 4x: bytes, time to suggestions, longest task, wasm memory, update, page height.
with_own_tmp node scripts/bench-directory.mjs dist

# Matching and directory loading in the release wasm in headless Chromium.
with_own_tmp cargo test --release -p genie --target wasm32-unknown-unknown --test bench_matching -- --include-ignored --nocapture 2>&1 \
  | grep -o 'metric .*'

# Follow-up: the diff and change score of two 150-member maps, and opening 3 years of maps.
cargo run --release -q -p genie-core --example followup_bench
with_own_tmp cargo test --release -p genie --target wasm32-unknown-unknown --test bench_followup -- --include-ignored --nocapture 2>&1 \
  | grep -o 'metric .*'

# Hand-over: bytes and QR codes for 8, 30 and 60 members, natively and in the release wasm
# (where the 600,000 PBKDF2 rounds dominate making and opening the codes).
cargo run --release -q -p genie-core --example handover_bench
with_own_tmp cargo test --release -p genie --target wasm32-unknown-unknown --test bench_handover -- --include-ignored --nocapture 2>&1 \
  | grep -o 'metric .*'

# The session: bytes stored per keystroke, opening 36 maps of 150 members, edit to "Saved".
cargo run --release -q -p genie-core --example session_bench
with_own_tmp cargo test --release -p genie --target wasm32-unknown-unknown --test bench_session -- --include-ignored --nocapture 2>&1 \
  | grep -o 'metric .*'

# The map layout, natively and compiled to wasm in headless Chromium.
cargo run --release -q -p genie-core --example layout_bench
wasm_metrics="$(mktemp)"
layout_json="$(mktemp --suffix=.json)"
trap 'rm -f "$wasm_metrics" "$layout_json"' EXIT
with_own_tmp cargo test --release -p genie --target wasm32-unknown-unknown --test bench_layout -- --include-ignored --nocapture 2>&1 \
  | grep -o 'metric .*' >"$wasm_metrics"
cat "$wasm_metrics"

# The same graphs laid out by d3-force 3 in the same Chromium (benchmark only, never shipped),
# with quality for both engines and the ratio ours / d3-force.
cargo run --release -q -p genie-core --example layout_export -- "$layout_json"
node scripts/bench-layout-d3.mjs "$layout_json" "$wasm_metrics"
