#!/usr/bin/env bash
# Sets everything up, builds the app for release and serves it on http://127.0.0.1:8080/
# with the built-in sample area. Stop it with Ctrl+C.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$GENIE_ROOT"

"$GENIE_ROOT/scripts/setup.sh"

step "Build (release)"
trunk build --release

step "Serve"
exec node scripts/serve.mjs dist "${PORT:-8080}"
