# Sourced by the other scripts: the paths and settings every build and test step needs.
# shellcheck shell=bash

GENIE_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export GENIE_ROOT

# Pinned tool versions. wasm-bindgen must also match the `=` pin in Cargo.toml.
export WASM_BINDGEN_VERSION="0.2.130"
export TRUNK_VERSION="0.21.14"
# Splits the app into its first load and each page's code; must understand the split points of
# the wasm_split_helpers that leptos uses (Cargo.lock).
export WASM_SPLIT_VERSION="0.2.4"

# cargo-installed tools, then npm-installed ones (wasm-opt from binaryen) ahead of the system's.
export PATH="$GENIE_ROOT/node_modules/.bin:${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"

# Trunk must never try to download anything: every tool comes from setup.sh.
export TRUNK_SKIP_VERSION_CHECK=true
export TRUNK_OFFLINE=true

# Browser tests run in Debian's Chromium through its ChromeDriver.
export CHROMEDRIVER="${CHROMEDRIVER:-/usr/bin/chromedriver}"
export CHROMIUM="${CHROMIUM:-/usr/bin/chromium}"
# The engine journeys (tests/engines/): WebKitGTK's MiniBrowser and Firefox ESR from Debian.
export MINIBROWSER="${MINIBROWSER:-/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser}"
export FIREFOX="${FIREFOX:-/usr/bin/firefox-esr}"
export WASM_BINDGEN_TEST_TIMEOUT="${WASM_BINDGEN_TEST_TIMEOUT:-120}"

# Two cores: keep the two heaviest steps from fighting over them.
export CARGO_BUILD_JOBS="${CARGO_BUILD_JOBS:-2}"

step() { printf '\n==> %s\n' "$*"; }

# Runs a command with its temporary folder inside target/, then removes that folder.
# ChromeDriver leaves a browser profile (up to 150 MB) in the temporary folder after each browser
# test run, and wasm-bindgen's test runner writes its files there; on a small disk these filled
# /tmp. Keeping them in one folder of ours lets us clean up whatever the tools leave behind.
with_own_tmp() {
  local dir="$GENIE_ROOT/target/tmp-browser"
  rm -rf "$dir"
  mkdir -p "$dir"
  local status=0
  TMPDIR="$dir" "$@" || status=$?
  rm -rf "$dir"
  return "$status"
}
