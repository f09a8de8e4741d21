#!/usr/bin/env bash
# Sets everything up and runs every test: formatting and lints, the core's host tests, the
# browser unit tests (wasm-bindgen-test in headless Chromium), and the end-to-end journeys
# (Playwright with Debian's Chromium) against the release build, and the core journeys in
# WebKit and Firefox ESR.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$GENIE_ROOT"

"$GENIE_ROOT/scripts/setup.sh"

step "Format and lints"
cargo fmt --all -- --check
cargo clippy -p genie-core -p genie-import -p genie-area --all-targets -- -D warnings
cargo clippy -p genie --target wasm32-unknown-unknown --all-targets -- -D warnings
cargo clippy -p genie --target wasm32-unknown-unknown --features split-pages -- -D warnings
cargo clippy -p genie-worker --target wasm32-unknown-unknown -- -D warnings

step "Catalogues: every language complete, placeholders and plural forms right"
node scripts/check-catalogues.mjs
node --test tests/i18n/

step "Host tests (domain core, importer and area checker)"
cargo test -p genie-core -p genie-import -p genie-area

step "Research export read back by networkx and igraph"
research_sample="$GENIE_ROOT/target/research-sample"
cargo run -q -p genie-core --example research_sample -- "$research_sample"
target/py/bin/python tests/research/read_export.py "$research_sample"

step "Browser unit tests (wasm-bindgen-test, headless Chromium)"
# Only the test files: the benchmarks (tests/bench_*.rs) hold ignored tests that bench.sh runs
# in release, and each extra file here costs a wasm-bindgen pass and a browser start.
browser_tests=(--lib)
for file in tests/web_*.rs; do
  browser_tests+=(--test "$(basename "$file" .rs)")
done
with_own_tmp cargo test -p genie --target wasm32-unknown-unknown "${browser_tests[@]}"

step "Release build, and its first load within budget"
trunk build --release
node scripts/bench-size.mjs dist --check

step "End-to-end journeys (Playwright, Chromium)"
with_own_tmp node --test --test-concurrency=1 tests/e2e/

step "Core journeys in WebKit and Firefox ESR"
with_own_tmp node --test --test-concurrency=1 tests/engines/
