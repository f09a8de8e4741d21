// Sites for the tile journeys: the release build with a made-up county of 3,000 entries around
// the sample area, published once as one file and once as tiles (genie-area tiles), and the
// tiled one again without the background worker's files, as on a host where they were not
// uploaded. Shared by tests/e2e/tiles.test.mjs and tests/engines/tiles.test.mjs.
import { execFileSync } from 'node:child_process';
import { cpSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { t, waitForSaved } from './support.mjs';

const root = new URL('../../', import.meta.url).pathname;
/** The generated directory, as published in the single-file site. */
export const generatedPath = join(root, 'target', 'e2e-tiles-3000.json');

/** Writes the three sites under target/ (prefix `name`); returns their folders. */
export function tiledSites(dist, name = 'e2e-tiles') {
  const sites = {
    tiled: join(root, 'target', `${name}-site`),
    single: join(root, 'target', `${name}-single`),
    noWorker: join(root, 'target', `${name}-no-worker`),
  };
  execFileSync('cargo', ['run', '-q', '-p', 'genie-core', '--example', 'directory_gen', '--', '3000', generatedPath, '5'], {
    stdio: 'ignore',
  });
  for (const dir of [sites.tiled, sites.single]) {
    rmSync(dir, { recursive: true, force: true });
    cpSync(dist, dir, { recursive: true });
    cpSync(generatedPath, join(dir, 'area', 'directory.json'));
  }
  execFileSync('cargo', ['run', '-q', '-p', 'genie-area', '--', 'tiles', join(sites.tiled, 'area')], { stdio: 'ignore' });
  rmSync(join(sites.tiled, 'area', 'directory.json'));
  const settings = join(sites.tiled, 'area', 'area.json');
  writeFileSync(settings, JSON.stringify({ ...JSON.parse(readFileSync(settings, 'utf8')), directory: 'tiles' }, null, 2));
  rmSync(sites.noWorker, { recursive: true, force: true });
  cpSync(sites.tiled, sites.noWorker, { recursive: true });
  for (const file of readdirSync(sites.noWorker).filter((f) => f.startsWith('background'))) {
    rmSync(join(sites.noWorker, file));
  }
  for (const dir of Object.values(sites)) {
    execFileSync('node', [join(root, 'scripts', 'sw-precache.mjs'), dir], { stdio: 'ignore' });
  }
  return sites;
}

/** Removes the sites. */
export function removeSites(sites) {
  for (const dir of Object.values(sites)) rmSync(dir, { recursive: true, force: true });
}

/** Sets a home and interests, picks how the person travels, and lists every suggestion. */
export async function suggestions(page, url, travel) {
  await page.goto(`${url}#/preferences`);
  const group = page.getByRole('group', { name: t.prefs.travel_legend });
  for (const mode of ['walk', 'bus', 'car']) {
    const box = group.getByLabel(t.travel[mode]);
    if ((await box.isChecked()) !== travel.includes(mode)) await box.click();
  }
  await waitForSaved(page);
  await page.goto(`${url}#/suggestions`);
  return listed(page);
}

/** Every suggestion on the suggestions page, by entry id, in order. */
export async function listed(page) {
  const list = page.getByTestId('suggestions');
  await list.locator('li.suggestion').first().waitFor();
  const all = page.getByTestId('show-all');
  if ((await all.count()) > 0) {
    await all.click();
    while ((await page.getByRole('button', { name: t.suggest.show_more }).count()) > 0) {
      await page.getByRole('button', { name: t.suggest.show_more }).click();
    }
  }
  return list.locator('li.suggestion').evaluateAll((els) => els.map((e) => e.dataset.resource));
}

/** A home in the sample area and two interests. */
export async function person(page, url) {
  await page.goto(`${url}#/about-you`);
  await page.getByLabel(t.about.area_label).fill('MB1 1ED');
  await page.goto(`${url}#/preferences`);
  await page.getByLabel(t.interest.get_fitter).check();
  await page.getByLabel(t.interest.social).check();
  await waitForSaved(page);
}
