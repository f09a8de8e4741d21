#!/usr/bin/env bash
# Sets everything up and runs every test: formatting and lints, the core's host tests, the
# browser unit tests (wasm-bindgen-test in headless Chromium), and the end-to-end journeys
# (Playwright with Debian's Chromium) against the release build.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$GENIE_ROOT"

"$GENIE_ROOT/scripts/setup.sh"

step "Format and lints"
cargo fmt --all -- --check
cargo clippy -p genie-core -p genie-import -p genie-area --all-targets -- -D warnings
cargo clippy -p genie --target wasm32-unknown-unknown --all-targets -- -D warnings

step "Host tests (domain core, importer and area checker)"
cargo test -p genie-core -p genie-import -p genie-area

step "Browser unit tests (wasm-bindgen-test, headless Chromium)"
cargo test -p genie --target wasm32-unknown-unknown

step "Release build"
trunk build --release

step "End-to-end journeys (Playwright, Chromium)"
node --test --test-concurrency=1 tests/e2e/
