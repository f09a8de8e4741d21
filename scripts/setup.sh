#!/usr/bin/env bash
# Installs everything Genie needs to build and test, skipping whatever is already there at
# the right version. Needs only the Rust toolchain (rustup), node with npm, python3 with venv,
# and apt.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$GENIE_ROOT"

for tool in cargo rustup node npm python3; do
  command -v "$tool" >/dev/null || { echo "setup: '$tool' is needed but not installed" >&2; exit 1; }
done

# Root can apt-get directly; anyone else needs sudo.
as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

step "Rust target wasm32-unknown-unknown"
if rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  echo "already installed"
else
  rustup target add wasm32-unknown-unknown
fi

step "Rust components rustfmt and clippy"
# rustup's minimal profile has neither, and the test command starts with both.
missing=()
for component in rustfmt clippy; do
  rustup component list --installed | grep -q "^$component" || missing+=("$component")
done
if [ "${#missing[@]}" -eq 0 ]; then
  echo "already installed"
else
  rustup component add "${missing[@]}"
fi

step "wasm-bindgen-cli $WASM_BINDGEN_VERSION"
if [ "$(wasm-bindgen --version 2>/dev/null)" = "wasm-bindgen $WASM_BINDGEN_VERSION" ]; then
  echo "already installed"
else
  # Not --locked: its locked dependency set does not build with current Rust.
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --force
fi

step "trunk $TRUNK_VERSION"
if [ "$(trunk --version 2>/dev/null)" = "trunk $TRUNK_VERSION" ]; then
  echo "already installed"
else
  cargo install trunk --version "$TRUNK_VERSION" --locked --force
fi

step "wasm-split-cli (wasm_split_cli_support $WASM_SPLIT_VERSION)"
# Cuts each page's code out of the app's first download (scripts/split-app.mjs). The binary has
# no --version: cargo's own list of installed packages says which version is there.
if command -v wasm-split-cli >/dev/null \
  && cargo install --list | grep -qx "wasm_split_cli_support v$WASM_SPLIT_VERSION:"; then
  echo "already installed"
else
  cargo install wasm_split_cli_support --version "$WASM_SPLIT_VERSION" --features build-binary --locked --force
fi

step "Chromium and ChromeDriver (Debian)"
if [ -x "$CHROMIUM" ] && [ -x "$CHROMEDRIVER" ]; then
  echo "already installed"
else
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver
fi

step "WebKit (WebKitGTK's MiniBrowser and WebKitWebDriver), Xvfb and Firefox ESR (Debian)"
# The core journeys also run in these two engines (tests/engines/). MiniBrowser comes with
# libwebkit2gtk-4.1-0, which webkit2gtk-driver depends on; it has no headless mode, so Xvfb.
if [ -x /usr/bin/WebKitWebDriver ] && [ -x "$MINIBROWSER" ] && [ -x /usr/bin/Xvfb ] \
  && [ -x "$FIREFOX" ]; then
  echo "already installed"
else
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq webkit2gtk-driver xvfb firefox-esr
fi

step "npm development tools (package-lock.json)"
lock_hash="$(sha256sum package-lock.json | cut -d' ' -f1)"
if [ -f node_modules/.genie-lock-hash ] && [ "$(cat node_modules/.genie-lock-hash)" = "$lock_hash" ]; then
  echo "already installed"
else
  npm ci --no-audit --no-fund
  echo "$lock_hash" > node_modules/.genie-lock-hash
fi

step "Python readers for the research export (tests/research/requirements.txt)"
# A venv under target/ so nothing is installed system-wide; rebuilt when the pins change.
py_hash="$(sha256sum tests/research/requirements.txt | cut -d' ' -f1)"
if [ -x target/py/bin/python ] && [ "$(cat target/py/.genie-requirements-hash 2>/dev/null)" = "$py_hash" ]; then
  echo "already installed"
else
  python3 -m venv target/py
  target/py/bin/pip install -q --disable-pip-version-check --only-binary :all: \
    -r tests/research/requirements.txt
  echo "$py_hash" > target/py/.genie-requirements-hash
fi

echo
echo "setup: ready"
