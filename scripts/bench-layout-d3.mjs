// The map layout against d3-force 3, in headless Chromium (benchmark only: d3 never ships).
//
//   node scripts/bench-layout-d3.mjs <layout.json> [wasm-metrics.txt]
//
// <layout.json> comes from `cargo run --release -p genie-core --example layout_export -- FILE`:
// the benchmark's made-up networks (10, 30, 60, 150, 500 members and one more each), their
// geometry, and Genie's own positions (first drawing, drawn again, one member added).
// [wasm-metrics.txt] holds the `metric wasm_layout_ms_<n> <v> ms` lines of tests/bench_layout.rs
// (Genie's layout compiled to wasm, timed in the same Chromium); with it the ratio is printed.
//
// d3-force is loaded from node_modules as its UMD builds (d3-dispatch, d3-quadtree, d3-timer,
// d3-force), injected with page.evaluate(source) into about:blank, and given forces comparable
// to Genie's (see FORCES): many-body repulsion, a link per tie, a radial pull per ring to the
// middle of the member's band, and collision at the node radius. Start positions are seeded:
// each ring's members evenly round the middle of its band, in network order. The simulation is
// stopped at once and ticked by hand until alpha < alphaMin, d3's own stop rule.
//
// Quality is measured in the page for both engines' positions by the rules of
// crates/genie-core/src/layout/quality.rs: ring error (how far a disc reaches outside its band),
// pairs closer than two node radii, share of 12 angular sectors used per ring, and movement:
// - add: the mean distance the others move when member n+1 is added. d3 starts warm from its
//   own settled positions with the new member seeded on its ring (by the same rule as a first
//   drawing, with the grown ring's count) and alpha 0.3, as d3 apps do on a data change; the
//   grown network's geometry is used, as Genie does (its node radius steps down at 61, 151, 501);
// - again: the largest distance anyone moves when the map is drawn again with nothing changed.
//   Genie's redraw is `layout(network, previous = its own settled positions)`: the whole
//   layout run again from the positions alone. d3's equivalent: a new simulation from its
//   settled positions (no velocities), alpha 0.3 (d3's usual restart value), ticked to stop.
// Genie's quality numbers here are from the native release build's positions (the file);
// wasm agrees up to the last bits of sin/cos.
//
// Prints `metric <name> <value> <unit>` lines: d3_layout_ms_<n>, d3_layout_add_ms_<n>,
// d3_ticks_<n>, d3_ring_error_mean_px_<n>, d3_ring_error_max_px_<n>, d3_overlaps_<n>,
// d3_sector_share_<n>, d3_add_moved_px_<n>, d3_again_moved_px_<n>, the same measures of
// Genie's positions as ours_*_<n>, and layout_ratio_ours_over_d3_<n> where wasm numbers were
// given.
import { readFileSync } from 'node:fs';
import { chromium } from 'playwright-core';

const root = new URL('../', import.meta.url);

// The forces given to d3, in map units (one unit is one CSS pixel at the map's natural size).
// Genie's own numbers for comparison: contact at 2.16 node radii + 1, ties pulling beyond 1.25
// contacts, each disc kept a node radius inside its band.
const FORCES = {
  // forceManyBody: d3's default repulsion, reaching as far as Genie's forces do (a few node
  // radii) rather than across the whole map, which would push every ring outwards.
  manyBodyStrength: -30,
  manyBodyDistanceMaxRadii: 8,
  // forceLink per tie: rest length about Genie's tie rest, in node radii; d3's default strength.
  linkDistanceRadii: 3,
  // forceRadial per ring to the middle of the band: stronger than d3's default 0.1, or the
  // repulsion spreads members well past their band.
  radialStrength: 0.5,
  // forceCollide(node_radius): d3's default strength and iterations.
  collideStrength: 0.7,
  collideIterations: 1,
  // Alpha for a warm start (one member added, or drawn again).
  warmAlpha: 0.3,
  // For experiments: GENIE_D3_FORCES='{"radialStrength":0.8}' overrides any of these.
  ...JSON.parse(process.env.GENIE_D3_FORCES || '{}'),
};

const RUNS = (n) => (n >= 500 ? 5 : 15);
const WARMUP = 3;

const [jsonPath, wasmPath] = process.argv.slice(2);
if (!jsonPath) {
  console.error('usage: node scripts/bench-layout-d3.mjs <layout.json> [wasm-metrics.txt]');
  process.exit(2);
}
const data = JSON.parse(readFileSync(jsonPath, 'utf8'));

const wasmMs = new Map();
if (wasmPath) {
  for (const line of readFileSync(wasmPath, 'utf8').split('\n')) {
    const m = line.match(/metric wasm_layout_ms_(\d+) ([0-9.eE+-]+) ms/);
    if (m) wasmMs.set(Number(m[1]), Number(m[2]));
  }
}

const sources = ['d3-dispatch', 'd3-quadtree', 'd3-timer', 'd3-force'].map((name) =>
  readFileSync(new URL(`node_modules/${name}/dist/${name}.js`, root), 'utf8'),
);

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  headless: true,
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-dev-shm-usage',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
});

let failed = false;
try {
  const page = await browser.newPage();
  const problems = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  await page.goto('about:blank');
  for (const source of sources) await page.evaluate(source);
  const version = await page.evaluate(() => typeof window.d3?.forceSimulation);
  if (version !== 'function') throw new Error('d3-force did not load in the page');

  for (const size of data.sizes) {
    const result = await page.evaluate(runInPage, {
      size,
      forces: FORCES,
      runs: RUNS(size.n),
      warmup: WARMUP,
    });
    const n = size.n;
    const line = (name, value, unit) => console.log(`metric ${name}_${n} ${value} ${unit}`);
    line('d3_layout_ms', result.d3.ms.toFixed(3), 'ms');
    line('d3_layout_add_ms', result.d3.addMs.toFixed(3), 'ms');
    line('d3_ticks', result.d3.ticks, 'ticks');
    for (const [prefix, r] of [
      ['d3', result.d3],
      ['ours', result.ours],
    ]) {
      line(`${prefix}_ring_error_mean_px`, r.quality.ringErrorMean.toFixed(2), 'px');
      line(`${prefix}_ring_error_max_px`, r.quality.ringErrorMax.toFixed(2), 'px');
      line(`${prefix}_overlaps`, r.quality.overlaps, 'pairs');
      line(`${prefix}_sector_share`, r.quality.sectorShare.toFixed(2), 'share');
      line(`${prefix}_add_moved_px`, r.addMoved.toFixed(2), 'px');
      line(`${prefix}_again_moved_px`, r.againMoved.toFixed(2), 'px');
    }
    if (result.d3.missing || result.ours.quality.missing) {
      console.error(`n=${n}: missing positions: d3 ${result.d3.missing}, ours ${result.ours.quality.missing}`);
      failed = true;
    }
    if (wasmMs.has(n) && result.d3.ms > 0) {
      line('layout_ratio_ours_over_d3', (wasmMs.get(n) / result.d3.ms).toFixed(3), 'ratio');
    }
  }
  if (problems.length) {
    console.error(problems.join('\n'));
    failed = true;
  }
} finally {
  await browser.close();
}
if (failed) process.exit(1);

/** Runs in the page: lays one size out with d3-force, times it and measures both engines. */
function runInPage({ size, forces, runs, warmup }) {
  const d3 = window.d3;
  const SECTORS = 12;
  const ringOf = { inner: 0, middle: 1, outer: 2 };

  const middle = (geometry, circle) => {
    const [inner, outer] = geometry.band[circle];
    return (inner + outer) / 2;
  };

  // Each ring's members evenly round the middle of its band, in network order, the rings
  // turned a little against each other so no two rings start in line.
  function seeds(members, geometry) {
    const counts = [0, 0, 0];
    for (const m of members) counts[ringOf[m.circle]] += 1;
    const seen = [0, 0, 0];
    return members.map((m) => {
      const ring = ringOf[m.circle];
      const k = seen[ring]++;
      const angle = (2 * Math.PI * k) / counts[ring] + ring * 0.37 - Math.PI / 2;
      const r = middle(geometry, m.circle);
      return [r * Math.cos(angle), r * Math.sin(angle)];
    });
  }

  // A simulation with the benchmark's forces, stopped at once (no timer), from `start`.
  function simulation(members, ties, geometry, start, alpha) {
    const nodes = members.map((m, i) => ({
      id: m.id,
      circle: m.circle,
      x: start[i][0],
      y: start[i][1],
      vx: 0,
      vy: 0,
    }));
    const links = ties.map(([a, b]) => ({ source: a, target: b }));
    const r = geometry.node_radius;
    const sim = d3
      .forceSimulation(nodes)
      .stop()
      .alpha(alpha)
      .force(
        'charge',
        d3
          .forceManyBody()
          .strength(forces.manyBodyStrength)
          .distanceMax(forces.manyBodyDistanceMaxRadii * r),
      )
      .force(
        'link',
        d3
          .forceLink(links)
          .id((d) => d.id)
          .distance(forces.linkDistanceRadii * r),
      )
      .force(
        'ring',
        d3.forceRadial((d) => middle(geometry, d.circle)).strength(forces.radialStrength),
      )
      .force(
        'collide',
        d3.forceCollide(r).strength(forces.collideStrength).iterations(forces.collideIterations),
      );
    return { sim, nodes };
  }

  // d3's own stop rule: tick until alpha drops below alphaMin.
  function settle(members, ties, geometry, start, alpha) {
    const { sim, nodes } = simulation(members, ties, geometry, start, alpha);
    let ticks = 0;
    while (sim.alpha() >= sim.alphaMin()) {
      sim.tick();
      ticks += 1;
    }
    return { at: nodes.map((d) => [d.x, d.y]), ticks };
  }

  function median(f) {
    for (let i = 0; i < warmup; i++) f();
    const times = [];
    for (let i = 0; i < runs; i++) {
      const t0 = performance.now();
      f();
      times.push(performance.now() - t0);
    }
    times.sort((a, b) => a - b);
    return times[Math.floor(times.length / 2)];
  }

  // quality.rs's measure(): ring error, overlaps, closest pair and sector share.
  function measure(members, geometry, at) {
    const q = { missing: 0, ringErrorMean: 0, ringErrorMax: 0, overlaps: 0, sectorShare: 1 };
    const r = geometry.node_radius;
    const used = [new Set(), new Set(), new Set()];
    const counts = [0, 0, 0];
    const placed = [];
    let errorSum = 0;
    members.forEach((m, i) => {
      const p = at[i];
      if (!p || !Number.isFinite(p[0]) || !Number.isFinite(p[1])) {
        q.missing += 1;
        return;
      }
      placed.push(p);
      const distance = Math.hypot(p[0], p[1]);
      const [inner, outer] = geometry.band[m.circle];
      const error = Math.max(inner + r - distance, distance - (outer - r), 0);
      errorSum += error;
      q.ringErrorMax = Math.max(q.ringErrorMax, error);
      const ring = ringOf[m.circle];
      counts[ring] += 1;
      const sector = Math.floor(((Math.atan2(p[1], p[0]) + Math.PI) / (2 * Math.PI)) * SECTORS);
      used[ring].add(Math.min(Math.max(sector, 0), SECTORS - 1));
    });
    q.ringErrorMean = placed.length ? errorSum / placed.length : 0;
    for (let i = 0; i < placed.length; i++) {
      for (let j = i + 1; j < placed.length; j++) {
        const d = Math.hypot(placed[i][0] - placed[j][0], placed[i][1] - placed[j][1]);
        if (d < 2 * r) q.overlaps += 1;
      }
    }
    const possible = counts.reduce((s, c) => s + Math.min(c, SECTORS), 0);
    const got = used.reduce((s, u) => s + u.size, 0);
    q.sectorShare = possible > 0 ? got / possible : 1;
    return q;
  }

  // Distances moved by the members present in both drawings (matched by id).
  function moves(membersBefore, before, membersAfter, after) {
    const index = new Map(membersAfter.map((m, i) => [m.id, i]));
    const out = [];
    membersBefore.forEach((m, i) => {
      const j = index.get(m.id);
      if (j === undefined || !before[i] || !after[j]) return;
      out.push(Math.hypot(before[i][0] - after[j][0], before[i][1] - after[j][1]));
    });
    return out;
  }
  const mean = (xs) => (xs.length ? xs.reduce((s, x) => s + x, 0) / xs.length : 0);
  const max = (xs) => xs.reduce((m, x) => Math.max(m, x), 0);

  const { members, ties, geometry, grown } = size;

  // d3: a first drawing, timed from seeding to stop.
  const first = settle(members, ties, geometry, seeds(members, geometry), 1);
  const ms = median(() => settle(members, ties, geometry, seeds(members, geometry), 1));

  // d3: one member added, warm from its own settled positions; the newcomer seeded on its ring.
  const grownSeeds = seeds(grown.members, grown.geometry);
  const firstById = new Map(members.map((m, i) => [m.id, first.at[i]]));
  const warm = grown.members.map((m, i) => firstById.get(m.id) ?? grownSeeds[i]);
  const added = settle(grown.members, grown.ties, grown.geometry, warm, forces.warmAlpha);
  const addMs = median(() =>
    settle(grown.members, grown.ties, grown.geometry, warm, forces.warmAlpha),
  );

  // d3: drawn again with nothing changed, from its settled positions.
  const again = settle(members, ties, geometry, first.at, forces.warmAlpha);

  const ours = size.ours;
  return {
    d3: {
      ms,
      addMs,
      ticks: first.ticks,
      missing: measure(members, geometry, first.at).missing,
      quality: measure(members, geometry, first.at),
      addMoved: mean(moves(members, first.at, grown.members, added.at)),
      againMoved: max(moves(members, first.at, members, again.at)),
    },
    ours: {
      quality: measure(members, geometry, ours.first),
      addMoved: mean(moves(members, ours.first, grown.members, ours.added)),
      againMoved: max(moves(members, ours.first, members, ours.again)),
    },
  };
}
