#!/usr/bin/env bash
# For scripts/bench-directory.mjs: publishes a generated directory in a site's area folder as
# a large area would, as tiles by place (genie-area tiles), without the single file.
#   scripts/bench-area.sh <directory.json> <site>/area
set -euo pipefail
json="$1"
area="$2"
cp "$json" "$area/directory.json"
cargo run --release -q -p genie-area -- tiles "$area" >/dev/null
rm "$area/directory.json"
# The area's settings say so, as a commissioner would after running genie-area tiles.
node -e 'const fs = require("fs"); const f = process.argv[1]; const s = JSON.parse(fs.readFileSync(f, "utf8")); s.directory = "tiles"; fs.writeFileSync(f, JSON.stringify(s, null, 2));' "$area/area.json"
