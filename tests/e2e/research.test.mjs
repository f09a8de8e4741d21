// The research export: made when the person asks, saved as one zip that reads back whole, with
// every file and no name in it, and nothing stored changed by saving it.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { crc32 } from 'node:zlib';
import { addMembers, profileDir, serveApp, storedRecords, t, waitForSaved, withBrowser } from './support.mjs';

let server;
let files;
before(async () => {
  server = await serveApp();
  files = profileDir();
});
after(async () => {
  await server.close();
  files.cleanup();
});

const fill = (text, values) => text.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, key) => values[key]);
const EVIL = '<img src=x onerror=alert(1)>';
const NAMES = ['Pat', 'Σοφία', EVIL];

/** The files of a stored (not compressed) zip archive, by name, each checked against its CRC. */
function unzip(bytes) {
  const end = bytes.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  assert.ok(end >= 0, 'the archive has its end record');
  const count = bytes.readUInt16LE(end + 10);
  let at = bytes.readUInt32LE(end + 16);
  const out = {};
  for (let i = 0; i < count; i += 1) {
    assert.equal(bytes.readUInt32LE(at), 0x02014b50, 'a central directory entry');
    const method = bytes.readUInt16LE(at + 10);
    const crc = bytes.readUInt32LE(at + 16);
    const size = bytes.readUInt32LE(at + 20);
    const nameLength = bytes.readUInt16LE(at + 28);
    const skip = nameLength + bytes.readUInt16LE(at + 30) + bytes.readUInt16LE(at + 32);
    const local = bytes.readUInt32LE(at + 42);
    const name = bytes.subarray(at + 46, at + 46 + nameLength).toString('utf8');
    assert.equal(method, 0, `${name} is stored`);
    assert.equal(bytes.readUInt32LE(local), 0x04034b50, `${name} has its local header`);
    const start = local + 30 + bytes.readUInt16LE(local + 26) + bytes.readUInt16LE(local + 28);
    const data = bytes.subarray(start, start + size);
    assert.equal(crc32(data), crc, `${name} reads back whole`);
    out[name] = data.toString('utf8');
    at += 46 + skip;
  }
  return out;
}

async function makeMap(page, url) {
  await page.goto(`${url}#/network/list`);
  await addMembers(page, [
    { name: NAMES[0], circle: 'inner' },
    { name: NAMES[1], kind: 'pet', circle: 'middle' },
    { name: NAMES[2], circle: 'outer' },
  ]);
  await waitForSaved(page);
}

async function openYourData(page, url) {
  await page.goto(`${url}#/your-data`);
  await page.getByRole('heading', { level: 1, name: t.data.title }).waitFor();
}

const saveButton = (page) => page.getByRole('button', { name: t.data.research_save, exact: true });

test('the research export is saved as one zip that reads back with every file and no name', async () => {
  await withBrowser(async (open) => {
    const { context, page, problems } = await open();
    await makeMap(page, server.url);
    const before = await storedRecords(page);

    await openYourData(page, server.url);
    const [download] = await Promise.all([page.waitForEvent('download'), saveButton(page).click()]);
    const name = download.suggestedFilename();
    assert.match(name, /^genie-research-\d{4}-\d{2}-\d{2}\.zip$/);
    await page.getByTestId('research-result').getByText(fill(t.data.research_saved, { file: name })).waitFor();
    assert.equal(await page.getByTestId('research-problem').textContent(), '');

    const path = join(files.dir, name);
    await download.saveAs(path);
    const archive = unzip(readFileSync(path));
    assert.deepEqual(Object.keys(archive), [
      'genie-waves.csv',
      'genie-nodes.csv',
      'genie-edges.csv',
      'genie-choices.csv',
      'genie-check-ins.csv',
      'genie-change.csv',
      'genie-network.graphml',
      'genie-wave-1.graphml',
      'genie-network.gexf',
      'genie-data-dictionary.md',
    ]);
    // One wave, the three members by code, and none of their names anywhere.
    assert.equal(archive['genie-waves.csv'].trim().split(/\r?\n/).length, 2);
    const nodes = archive['genie-nodes.csv'].trim().split(/\r?\n/);
    assert.equal(nodes.length, 4, nodes.join('\n'));
    assert.ok(nodes.some((row) => row.includes('pet:1')), nodes.join('\n'));
    const all = Object.values(archive).join('\n');
    for (const member of [...NAMES, 'onerror', 'Σοφ']) assert.ok(!all.includes(member), `${member} is not in the files`);
    assert.ok(archive['genie-network.graphml'].startsWith('<?xml'));

    // Saving changed nothing stored.
    assert.equal(await storedRecords(page), before);
    assert.deepEqual(problems, []);
    await context.close();
  });
});
