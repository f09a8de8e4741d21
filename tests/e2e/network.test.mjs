// Mapping a network: by keyboard alone, and by touch on a small phone with one drag; the map
// and the list pass an accessibility scan; everything is where it was after a reload.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { addMembers, plural, seriousAxeViolations, serveApp, t, waitForSaved, withBrowser } from './support.mjs';

let server;
before(async () => {
  server = await serveApp();
});
after(() => server.close());

const fill = (text, values) => text.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, key) => values[key]);

// Eight members across the three circles, with kinds, relationships and support.
const MEMBERS = [
  { name: 'Pat', kind: 'person', circle: 'inner', relationship: 'partner', gives: ['medication', 'comfort'] },
  { name: 'Biscuit', kind: 'pet', circle: 'inner', gives: ['companionship'] },
  { name: 'Sam', kind: 'person', circle: 'inner', relationship: 'child', gives: ['shopping', 'lifts'] },
  { name: 'Tuesday choir', kind: 'group', circle: 'middle' },
  { name: 'Dr Okafor', kind: 'person', circle: 'middle', relationship: 'health_professional', gives: ['appointments'] },
  { name: 'Allotment', kind: 'place', circle: 'outer' },
  { name: 'Jo next door', kind: 'person', circle: 'outer', relationship: 'neighbour' },
  { name: 'Patient forum', kind: 'online', circle: 'outer', gives: ['understanding_symptoms'] },
];

/** Presses Tab until the focused element matches `isTarget`, then returns. */
async function tabTo(page, description, isTarget, limit = 200) {
  for (let i = 0; i < limit; i += 1) {
    await page.keyboard.press('Tab');
    if (await page.evaluate(isTarget)) return;
  }
  throw new Error(`could not reach ${description} with Tab`);
}

/** Adds a member using only the keyboard. */
async function addByKeyboard(page, member) {
  await page.getByLabel(t.network.name_label, { exact: true }).focus();
  await page.keyboard.type(member.name);
  // Radio groups: Tab into the group, then arrow keys select; we press Space on the target.
  await tabTo(page, `kind ${member.kind}`, (kind) => document.activeElement?.name === 'new-kind');
  await selectRadioByKeyboard(page, 'new-kind', member.kind);
  if (member.relationship) {
    await tabTo(page, 'relationship', () => document.activeElement?.id === 'new-relationship');
    await page.keyboard.press('Home');
    await selectOptionByKeyboard(page, 'new-relationship', member.relationship);
  }
  await tabTo(page, 'circle', () => document.activeElement?.name === 'new-circle');
  await selectRadioByKeyboard(page, 'new-circle', member.circle);
  await tabTo(page, 'Add', () => document.activeElement?.type === 'submit');
  await page.keyboard.press('Enter');
  const announced = fill(t.network.added_to[member.circle], { name: member.name });
  await page.getByTestId('announcement').getByText(announced).waitFor();
  await waitForSaved(page);
}

async function selectRadioByKeyboard(page, name, value) {
  for (let i = 0; i < 10; i += 1) {
    const current = await page.evaluate(() => document.activeElement?.value);
    if (current === value) {
      await page.keyboard.press('Space');
      return;
    }
    await page.keyboard.press('ArrowDown');
  }
  throw new Error(`could not select ${name}=${value} with arrow keys`);
}

async function selectOptionByKeyboard(page, id, value) {
  for (let i = 0; i < 15; i += 1) {
    const current = await page.evaluate((id) => document.getElementById(id).value, id);
    if (current === value) return;
    await page.keyboard.press('ArrowDown');
  }
  throw new Error(`could not choose ${value} in #${id}`);
}

/** The list row of the member with exactly this name. */
function memberRow(page, name) {
  return page.locator('li.member-row').filter({ has: page.getByText(name, { exact: true }) });
}

/** Ticks support on a member's own page, by keyboard. */
async function giveSupportByKeyboard(page, member) {
  await page.goto(`${server.url}#/network/list`);
  const row = memberRow(page, member.name);
  await row.getByRole('link', { name: t.network.edit }).focus();
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { level: 1, name: fill(t.member.title, { name: member.name }) }).waitFor();
  for (const task of member.gives) {
    await page.locator(`input[type=checkbox][value=${task}]`).focus();
    await page.keyboard.press('Space');
    await waitForSaved(page);
  }
}

async function mapPositions(page) {
  await page.goto(`${server.url}#/network`);
  await page.getByTestId('network-map').waitFor();
  return page.evaluate(() =>
    Object.fromEntries(
      [...document.querySelectorAll('[data-testid=network-map] [data-member]')].map((g) => [
        g.querySelector('title').textContent,
        g.getAttribute('transform'),
      ]),
    ),
  );
}

async function listByCircle(page) {
  await page.goto(`${server.url}#/network/list`);
  await page.getByRole('heading', { level: 1, name: t.network.title }).waitFor();
  // Wait until every member counted at the top is listed.
  const count = await page.getByTestId('member-count').textContent();
  const total = Number(count.match(/\d+/)[0]);
  await page.waitForFunction((n) => document.querySelectorAll('li.member-row').length === n, total);
  const result = {};
  for (const circle of ['inner', 'middle', 'outer']) {
    result[circle] = await page
      .locator(`section[aria-labelledby=list-${circle}] .member-name`)
      .allTextContents();
  }
  return result;
}

test('keyboard only: map eight members with support, move one, reload: all in place', async () => {
  await withBrowser(async (open) => {
    const { page, problems } = await open();
    await page.goto(`${server.url}#/network`);
    await page.getByRole('heading', { level: 1, name: t.network.title }).waitFor();
    for (const member of MEMBERS) await addByKeyboard(page, member);
    for (const member of MEMBERS.filter((m) => m.gives)) await giveSupportByKeyboard(page, member);

    // Move the choir into the inner circle from the map, by keyboard: focus it, press "+".
    await page.goto(`${server.url}#/network`);
    await page.getByTestId('network-map').waitFor();
    await tabTo(page, 'the choir on the map', () =>
      document.activeElement?.querySelector?.('title')?.textContent === 'Tuesday choir',
    );
    await page.keyboard.press('+');
    await page
      .getByTestId('announcement')
      .getByText(fill(t.network.moved_to.inner, { name: 'Tuesday choir' }))
      .waitFor();
    await waitForSaved(page);

    const circlesBefore = await listByCircle(page);
    assert.deepEqual(circlesBefore, {
      inner: ['Pat', 'Biscuit', 'Sam', 'Tuesday choir'],
      middle: ['Dr Okafor'],
      outer: ['Allotment', 'Jo next door', 'Patient forum'],
    });
    const placesBefore = await mapPositions(page);
    assert.equal(Object.keys(placesBefore).length, 8);

    await page.reload();
    assert.deepEqual(await listByCircle(page), circlesBefore);
    assert.deepEqual(await mapPositions(page), placesBefore, 'every member in the same place');

    // Support survived too.
    await page.goto(`${server.url}#/network/list`);
    await memberRow(page, 'Pat').getByRole('link', { name: t.network.edit }).click();
    assert.equal(await page.locator('input[type=checkbox][value=medication]').isChecked(), true);
    assert.equal(await page.locator('input[type=checkbox][value=comfort]').isChecked(), true);
    assert.equal(await page.locator('input[type=checkbox][value=shopping]').isChecked(), false);
    assert.deepEqual(problems, []);
  });
});

test('touch on a small phone: add by taps, drag one member to another circle', async () => {
  await withBrowser(
    async (open) => {
      const { page, problems } = await open();
      await page.goto(`${server.url}#/network`);
      for (const member of MEMBERS.slice(0, 4)) {
        await page.getByLabel(t.network.name_label, { exact: true }).tap();
        await page.getByLabel(t.network.name_label, { exact: true }).fill(member.name);
        await page.locator(`input[name=new-kind][value=${member.kind}]`).tap();
        await page.locator(`input[name=new-circle][value=${member.circle}]`).tap();
        await page.getByRole('button', { name: t.network.add, exact: true }).tap();
        await page
          .getByTestId('announcement')
          .getByText(fill(t.network.added_to[member.circle], { name: member.name }))
          .waitFor();
      }
      await waitForSaved(page);

      // Drag the choir (middle) out to the outer ring with touch-like pointer events.
      const map = page.getByTestId('network-map');
      await map.scrollIntoViewIfNeeded();
      const choir = page.locator('[data-testid=network-map] [data-member]', { hasText: 'Tuesday choir' });
      const from = await choir.locator('path').boundingBox();
      const box = await map.boundingBox();
      const centre = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
      const start = { x: from.x + from.width / 2, y: from.y + from.height / 2 };
      // Straight out from the centre, near the edge of the map: the outer ring.
      const dx = start.x - centre.x;
      const dy = start.y - centre.y;
      const len = Math.hypot(dx, dy) || 1;
      const reach = (box.width / 2) * 0.85;
      const end = { x: centre.x + (dx / len) * reach, y: centre.y + (dy / len) * reach };
      await choir.dispatchEvent('pointerdown', { pointerId: 7, pointerType: 'touch', button: 0, isPrimary: true, clientX: start.x, clientY: start.y });
      for (let i = 1; i <= 8; i += 1) {
        const x = start.x + ((end.x - start.x) * i) / 8;
        const y = start.y + ((end.y - start.y) * i) / 8;
        await map.dispatchEvent('pointermove', { pointerId: 7, pointerType: 'touch', isPrimary: true, clientX: x, clientY: y });
      }
      await map.dispatchEvent('pointerup', { pointerId: 7, pointerType: 'touch', button: 0, isPrimary: true, clientX: end.x, clientY: end.y });
      await page
        .getByTestId('announcement')
        .getByText(fill(t.network.moved_to.outer, { name: 'Tuesday choir' }))
        .waitFor();
      await waitForSaved(page);
      const dropped = await mapPositions(page);

      await page.reload();
      const circles = await listByCircle(page);
      assert.deepEqual(circles.outer, ['Tuesday choir']);
      assert.deepEqual(await mapPositions(page), dropped, 'the dragged member stays where it was put');

      // The map can be saved on the device as a picture.
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: t.network.save_image }).tap(),
      ]);
      assert.equal(download.suggestedFilename(), 'genie-map.svg');
      const { readFile } = await import('node:fs/promises');
      const picture = await readFile(await download.path(), 'utf8');
      assert.match(picture, /^<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
      assert.match(picture, /Tuesday choir/);
      assert.deepEqual(problems, []);
    },
    { viewport: { width: 360, height: 740 }, touch: true },
  );
});

test('the map, the list and the other pages pass an accessibility scan', async () => {
  await withBrowser(async (open) => {
    const { page } = await open();
    await page.goto(`${server.url}#/network`);
    for (const member of MEMBERS.slice(0, 5)) {
      await page.getByLabel(t.network.name_label, { exact: true }).fill(member.name);
      await page.locator(`input[name=new-kind][value=${member.kind}]`).check();
      await page.locator(`input[name=new-circle][value=${member.circle}]`).check();
      await page.getByRole('button', { name: t.network.add, exact: true }).click();
      await page.getByTestId('member-count').getByText(`${MEMBERS.indexOf(member) + 1}`).waitFor();
    }
    await waitForSaved(page);
    const views = ['#/network', '#/network/list', '#/network/member/0', '#/summary', '#/preferences', '#/suggestions', '#/about-you', '#/over-time', '#/privacy', '#/'];
    for (const view of views) {
      await page.goto(`${server.url}${view}`);
      await page.locator('h1').waitFor();
      if (view === '#/suggestions') await page.getByTestId('suggestions').waitFor();
      assert.deepEqual(await seriousAxeViolations(page), [], `axe on ${view}`);
    }
  });
});

test('awkward names, ties and dropped activities: readable, kept, and counted', async () => {
  await withBrowser(async (open) => {
    const { page, problems } = await open();
    await page.goto(`${server.url}#/network`);
    const name = page.getByLabel(t.network.name_label, { exact: true });

    // An empty name is refused with a plain message, and nothing is added.
    await name.fill('   ');
    await page.getByRole('button', { name: t.network.add, exact: true }).click();
    await page.getByRole('alert').getByText(t.network.name_missing).waitFor();
    assert.equal(await page.getByTestId('member-count').textContent(), plural(t.network, 'count', 0));

    const long = 'Saint Bartholomew community centre and wellbeing café '.repeat(4).slice(0, 200);
    const awkward = [long, 'Nana 👵🏽💐', 'مركز المجتمع', 'Pat', 'Pat'];
    for (const label of awkward) {
      await name.fill(label);
      await page.getByRole('button', { name: t.network.add, exact: true }).click();
    }
    await page.getByTestId('member-count').getByText(plural(t.network, 'count', 5)).waitFor();

    // On the map a long name shows fewer words, with the full name kept in its title.
    const titles = await page.locator('[data-testid=network-map] [data-member] title').allTextContents();
    assert.ok(titles.includes(long), 'full long name available on the map');
    const labels = await page.locator('[data-testid=network-map] [data-member] text.map-label').allTextContents();
    assert.ok(labels.every((l) => [...l].length <= 14), `labels cut short: ${labels}`);
    assert.ok(labels.includes('مركز المجتمع') && labels.includes('Nana 👵🏽💐'));

    // Nana knows the first Pat: a tie is drawn.
    await page.goto(`${server.url}#/network/member/1`);
    await page.getByRole('group', { name: fill(t.member.knows_legend, { name: 'Nana 👵🏽💐' }) }).waitFor();
    await page.locator('input[name=knows][value="3"]').check();
    await waitForSaved(page);
    await page.goto(`${server.url}#/network`);
    assert.equal(await page.locator('[data-testid=network-map] line').count(), 1);

    // Something the person used to enjoy.
    await page.getByLabel(t.network.dormant_label).fill('Bowls');
    await page.getByRole('button', { name: t.network.dormant_add }).click();
    await page.getByTestId('dormant-list').getByText('Bowls').waitFor();
    await waitForSaved(page);

    // A name typed but not yet added survives a reload, and goes once the member is added;
    // the same for an activity the person stopped doing.
    await page.getByLabel(t.network.name_label, { exact: true }).fill('Auntie Ro');
    await page.getByLabel(t.network.dormant_label).fill('Choir');
    await page.reload();
    await page.getByTestId('dormant-list').getByText('Bowls').waitFor();
    assert.equal(await page.locator('[data-testid=network-map] line').count(), 1);
    const typed = page.getByLabel(t.network.name_label, { exact: true });
    assert.equal(await typed.inputValue(), 'Auntie Ro');
    assert.equal(await page.getByLabel(t.network.dormant_label).inputValue(), 'Choir');
    await page.getByRole('button', { name: t.network.dormant_add }).click();
    await page.getByTestId('dormant-list').getByText('Choir').waitFor();
    await waitForSaved(page);
    await page.getByRole('button', { name: t.network.add, exact: true }).click();
    await page.getByTestId('announcement').getByText(fill(t.network.added_to.inner, { name: 'Auntie Ro' })).waitFor();
    await page.reload();
    assert.equal(await page.getByLabel(t.network.name_label, { exact: true }).inputValue(), '');
    assert.equal(await page.getByLabel(t.network.dormant_label).inputValue(), '');
    await page.goto(`${server.url}#/summary`);
    await page
      .getByTestId('observations')
      .getByText(fill(t.summary.observation.dormant_activities, { count: 2 }))
      .waitFor();
    assert.deepEqual(problems, []);
  });
});

/** Adds members with the mouse: name, kind and circle. */
async function addQuickly(page, members) {
  await addMembers(page, members);
  await waitForSaved(page);
}

/** The centre of a member's shape on the map, in CSS pixels. */
async function centreOnMap(page, name) {
  const node = page.locator('[data-testid=network-map] [data-member]', { hasText: name });
  const box = await node.locator('path').boundingBox();
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

/** A touch press on the map at `points[0]`, moved through the rest, lifted at the last. */
async function touchPath(page, points) {
  // Real touch input through the DevTools protocol, so the browser itself decides whether the
  // press was a tap (and sends its click) or a drag, as on a phone.
  const cdp = await page.context().newCDPSession(page);
  const touch = (type, p) =>
    cdp.send('Input.dispatchTouchEvent', {
      type,
      touchPoints: type === 'touchEnd' ? [] : [{ x: p.x, y: p.y, id: 3 }],
    });
  await touch('touchStart', points[0]);
  for (const p of points.slice(1)) await touch('touchMove', p);
  await touch('touchEnd', points[points.length - 1]);
  await cdp.detach();
}

test('shaky taps on a small phone open a member; a real drag still moves it', async () => {
  await withBrowser(
    async (open) => {
      const { page, problems } = await open();
      await page.goto(`${server.url}#/network`);
      await addQuickly(page, [MEMBERS[0], MEMBERS[3]]);
      const map = page.getByTestId('network-map');
      await map.scrollIntoViewIfNeeded();
      const width = (await map.boundingBox()).width;
      assert.ok(width < 360, `the map is drawn small on a phone (${width} px)`);
      const before = await mapPositions(page);
      await map.scrollIntoViewIfNeeded();

      // A tap that wobbles 5 px on the choir opens it rather than moving it.
      const choir = await centreOnMap(page, 'Tuesday choir');
      await touchPath(page, [choir, { x: choir.x + 3, y: choir.y + 2 }, { x: choir.x + 4, y: choir.y + 3 }]);
      await page.getByRole('heading', { level: 1, name: fill(t.member.title, { name: 'Tuesday choir' }) }).waitFor();
      assert.deepEqual(await mapPositions(page), before, 'nobody moved');

      // A tap beside the shape, 18 px from Pat's centre, still takes Pat (a 44 px target).
      await map.scrollIntoViewIfNeeded();
      const pat = await centreOnMap(page, 'Pat');
      const beside = { x: pat.x + 18, y: pat.y };
      await touchPath(page, [beside, beside]);
      await page.getByRole('heading', { level: 1, name: fill(t.member.title, { name: 'Pat' }) }).waitFor();

      // A real drag of 40 px moves the choir and opens nothing.
      await page.goto(`${server.url}#/network`);
      await map.scrollIntoViewIfNeeded();
      const from = await centreOnMap(page, 'Tuesday choir');
      const steps = [0, 1, 2, 3, 4].map((i) => ({ x: from.x + i * 10, y: from.y }));
      await touchPath(page, steps);
      await page.waitForFunction(
        (was) =>
          [...document.querySelectorAll('[data-testid=network-map] [data-member]')].some(
            (g) => g.querySelector('title').textContent === 'Tuesday choir' && g.getAttribute('transform') !== was,
          ),
        before['Tuesday choir'],
      );
      await waitForSaved(page);
      assert.match(page.url(), /#\/network$/);
      const after = await mapPositions(page);
      assert.notEqual(after['Tuesday choir'], before['Tuesday choir'], 'the choir moved');
      assert.equal(after.Pat, before.Pat, 'Pat stayed');
      assert.deepEqual(problems, []);
    },
    { viewport: { width: 360, height: 740 }, touch: true },
  );
});

test('list view: the keyboard stays with the person moved or removed, and removals are announced', async () => {
  await withBrowser(async (open) => {
    const { page, problems } = await open();
    await page.goto(`${server.url}#/network`);
    await addQuickly(page, [MEMBERS[0], MEMBERS[3], MEMBERS[5]]);
    await page.goto(`${server.url}#/network/list`);
    await page.getByRole('heading', { level: 1, name: t.network.title }).waitFor();
    // Waits until the keyboard is on `name`'s row, on the control `action` ("A" for its link),
    // in the list of `circle`.
    const focusOn = (name, action, circle) =>
      page.waitForFunction(
        ([name, action, circle]) => {
          const el = document.activeElement;
          const row = el?.closest('li.member-row');
          return (
            row?.querySelector('.member-name')?.textContent === name &&
            (el.dataset.action ?? el.tagName) === action &&
            row.closest('section')?.getAttribute('aria-labelledby') === `list-${circle}`
          );
        },
        [name, action, circle],
      );

    // "Move closer" on the choir: it moves to the inner circle and the keyboard follows it
    // to its Change link (it cannot move closer again).
    await memberRow(page, 'Tuesday choir').getByRole('button', { name: t.network.closer }).focus();
    await page.keyboard.press('Enter');
    await page.getByTestId('announcement').getByText(fill(t.network.moved_to.inner, { name: 'Tuesday choir' })).waitFor();
    await focusOn('Tuesday choir', 'A', 'inner');

    // "Move further out": the keyboard stays on that button in the choir's new place.
    await memberRow(page, 'Tuesday choir').getByRole('button', { name: t.network.further }).focus();
    await page.keyboard.press('Enter');
    await page.getByTestId('announcement').getByText(fill(t.network.moved_to.middle, { name: 'Tuesday choir' })).waitFor();
    await focusOn('Tuesday choir', 'further', 'middle');
    await page.keyboard.press('Enter');
    await page.getByTestId('announcement').getByText(fill(t.network.moved_to.outer, { name: 'Tuesday choir' })).waitFor();
    // Now outer: "Move further out" no longer applies, so its Change link has the keyboard.
    await focusOn('Tuesday choir', 'A', 'outer');

    // Remove Pat: announced, and the keyboard lands on Undo; Undo puts Pat back and says so.
    await memberRow(page, 'Pat').getByRole('button', { name: t.network.remove }).focus();
    await page.keyboard.press('Enter');
    await page.getByTestId('announcement').getByText(fill(t.network.removed, { name: 'Pat' })).waitFor();
    await page.waitForFunction(() => document.activeElement?.id === 'undo-remove');
    await page.keyboard.press('Enter');
    await page.getByTestId('announcement').getByText(fill(t.network.restored, { name: 'Pat' })).waitFor();
    await focusOn('Pat', 'A', 'inner');
    await waitForSaved(page);
    assert.deepEqual(problems, []);
  });
});

test('things you used to enjoy: an empty one is refused with a message; removing says so and can be undone', async () => {
  await withBrowser(async (open) => {
    const { page, problems } = await open();
    await page.goto(`${server.url}#/network`);
    const box = page.getByLabel(t.network.dormant_label);
    await page.getByRole('button', { name: t.network.dormant_add }).click();
    await page.locator('#dormant-new-problem').getByText(t.network.dormant_missing).waitFor();
    assert.equal(await box.getAttribute('aria-invalid'), 'true');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'dormant-new');

    await box.fill('Bowls');
    await page.getByRole('button', { name: t.network.dormant_add }).click();
    await page.getByTestId('dormant-list').getByText('Bowls').waitFor();
    assert.equal(await box.getAttribute('aria-invalid'), null);

    await page.getByTestId('dormant-list').getByRole('button', { name: t.network.dormant_remove }).focus();
    await page.keyboard.press('Enter');
    await page.getByTestId('announcement').getByText(fill(t.network.dormant_removed, { label: 'Bowls' })).waitFor();
    assert.equal(await page.getByTestId('dormant-list').locator('li').count(), 0);
    await page.waitForFunction(() => document.activeElement?.id === 'dormant-undo');
    await page.keyboard.press('Enter');
    await page.getByTestId('announcement').getByText(fill(t.network.dormant_restored, { label: 'Bowls' })).waitFor();
    await page.getByTestId('dormant-list').getByText('Bowls').waitFor();
    await page.waitForFunction(() => document.activeElement?.id === 'dormant-0-remove');
    await waitForSaved(page);
    await page.reload();
    await page.getByTestId('dormant-list').getByText('Bowls').waitFor();
    assert.deepEqual(problems, []);
  });
});

test('an emptied name is flagged, and the map still names the member', async () => {
  await withBrowser(async (open) => {
    const { page, problems } = await open();
    await page.goto(`${server.url}#/network`);
    await addQuickly(page, [MEMBERS[0]]);
    await page.goto(`${server.url}#/network/member/0`);
    const name = page.locator('#member-edit-name');
    await name.fill('');
    await page.getByRole('alert').getByText(t.network.name_missing).waitFor();
    assert.equal(await name.getAttribute('aria-invalid'), 'true');
    await waitForSaved(page);

    await page.goto(`${server.url}#/network`);
    await page.getByTestId('network-map').waitFor();
    const labels = await page.locator('[data-testid=network-map] [data-member] text.map-label').allTextContents();
    assert.deepEqual(labels, [t.network.unnamed]);

    await page.goto(`${server.url}#/network/member/0`);
    await page.locator('#member-edit-name').fill('Pat');
    await page.getByRole('heading', { level: 1, name: fill(t.member.title, { name: 'Pat' }) }).waitFor();
    assert.equal(await page.getByRole('alert').count(), 0);
    assert.equal(await page.locator('#member-edit-name').getAttribute('aria-invalid'), null);
    assert.deepEqual(problems, []);
  });
});

// Names of every length, as people write them, for the larger maps below.
const NAMES = [
  'Pat', 'Biscuit', 'Riverside park', 'Dr Bartholomew Jones', 'Tuesday choir', 'Sam',
  'Auntie Margaret', 'Zoë Ångström', "Men's shed", 'Jo', 'Grŵp Cerdded', 'Library',
  'Mohammed Al-Rashid', 'Bowls club', 'Kit', 'Online chess', 'Siân the neighbour', 'GP surgery',
  'Lee', 'Church', 'Priya Ramanathan', 'The allotment', 'Alex', 'Mum',
];
const KINDS = ['person', 'pet', 'place', 'person', 'group', 'person', 'person', 'person', 'group', 'person'];
const CIRCLES = ['inner', 'middle', 'outer', 'outer', 'middle'];

/**
 * A backup file as another tool (or an older version) might write it: `count` members with
 * names, kinds and circles only, and no positions at all.
 */
function backupWithoutPositions(count) {
  const members = Array.from({ length: count }, (_, i) => ({
    id: i,
    name: count > NAMES.length ? `${NAMES[i % NAMES.length]}${i >= NAMES.length ? ` ${i}` : ''}` : NAMES[i],
    kind: KINDS[i % KINDS.length],
    circle: CIRCLES[i % CIRCLES.length],
  }));
  const wave = { id: 1, started_at: 1735776000000, closed_at: null, network: { members, next_id: count } };
  return JSON.stringify({
    genie_backup: 1,
    exported_at: 1735776000000,
    records: { profile: [], preferences: [], waves: [{ schema: 1, data: wave }], choices: [] },
  });
}

/** Restores a backup of `count` members with no positions, then opens the map. */
async function restoreMembers(page, count) {
  await page.goto(`${server.url}#/your-data`);
  await page.getByRole('heading', { level: 1, name: t.data.title }).waitFor();
  await page.getByTestId('restore-file').setInputFiles({
    name: 'made-elsewhere.json',
    mimeType: 'application/json',
    buffer: Buffer.from(backupWithoutPositions(count)),
  });
  await page.getByTestId('restore-preview').waitFor();
  await page.getByRole('button', { name: t.data.replace_yes }).click();
  await page.getByTestId('restore-result').getByText(t.data.restore_done).waitFor();
  await page.goto(`${server.url}#/network`);
  await page.getByTestId('network-map').waitFor();
  await page.getByTestId('member-count').getByText(plural(t.network, 'count', count)).waitFor();
}

/**
 * What the map shows, measured on screen: each node's disc and each visible label's box (CSS
 * pixels), the smallest text on the map, and the map's width.
 */
function measureMap(page) {
  return page.evaluate(() => {
    const svg = document.querySelector('[data-testid=network-map]');
    const box = (el) => {
      const r = el.getBoundingClientRect();
      return { x0: r.left, y0: r.top, x1: r.right, y1: r.bottom };
    };
    const nodes = [...svg.querySelectorAll('[data-member] path')].map((p) => {
      const b = box(p);
      return { x: (b.x0 + b.x1) / 2, y: (b.y0 + b.y1) / 2, r: (b.x1 - b.x0) / 2 };
    });
    const labels = [...svg.querySelectorAll('[data-member] text.map-label')].map(box);
    const you = box(svg.querySelector('circle[fill="#1d4e89"]'));
    const scale = svg.getScreenCTM().a;
    const sizes = [...svg.querySelectorAll('text')]
      .filter((el) => el.getBoundingClientRect().width > 0)
      .map((el) => parseFloat(el.getAttribute('font-size')) * scale);
    return { nodes, labels, you, smallest: Math.min(...sizes), width: svg.getBoundingClientRect().width };
  });
}

function overlapPairs(m) {
  const overlap = (a, b) => a.x0 < b.x1 - 0.5 && b.x0 < a.x1 - 0.5 && a.y0 < b.y1 - 0.5 && b.y0 < a.y1 - 0.5;
  const onDisc = (r, n) => {
    const dx = n.x - Math.min(Math.max(n.x, r.x0), r.x1);
    const dy = n.y - Math.min(Math.max(n.y, r.y0), r.y1);
    return dx * dx + dy * dy < (n.r - 0.5) ** 2;
  };
  let labels = 0;
  let labelNode = 0;
  let nodes = 0;
  m.labels.forEach((a, i) => {
    labels += m.labels.slice(i + 1).filter((b) => overlap(a, b)).length;
    labelNode += m.nodes.filter((n) => onDisc(a, n)).length;
  });
  m.nodes.forEach((a, i) => {
    nodes += m.nodes.slice(i + 1).filter((b) => Math.hypot(a.x - b.x, a.y - b.y) < a.r + b.r - 1).length;
  });
  return { labels, labelNode, nodes };
}

/** axe with the 2.5.3 check (visible words inside the accessible name) switched on. */
async function mapAxe(page) {
  const serious = await seriousAxeViolations(page);
  const mismatch = await page.evaluate(async () => {
    const result = await window.axe.run(document, { runOnly: ['label-content-name-mismatch'] });
    return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  });
  return [...serious, ...mismatch];
}

test('a backup without positions opens as a readable map: no name on another, big nodes, text 12 px or more', async () => {
  await withBrowser(
    async (open) => {
      const { page, problems } = await open();
      for (const count of [8, 30]) {
        await restoreMembers(page, count);
        const m = await measureMap(page);
        assert.ok(m.width <= 340, `phone-sized map (${m.width} px)`);
        const pairs = overlapPairs(m);
        assert.deepEqual(pairs, { labels: 0, labelNode: 0, nodes: 0 }, `${count} members`);
        assert.equal(m.nodes.length, count);
        assert.equal(m.labels.length, count, `every one of ${count} members has a name on the map`);
        assert.ok(m.smallest >= 11.9, `smallest text ${m.smallest} px`);
        // Nobody is drawn on top of "You".
        const you = { x: (m.you.x0 + m.you.x1) / 2, y: (m.you.y0 + m.you.y1) / 2, r: (m.you.x1 - m.you.x0) / 2 };
        assert.ok(m.nodes.every((n) => Math.hypot(n.x - you.x, n.y - you.y) > you.r + n.r - 1), 'nobody on You');
        // Shapes differ by kind; a person's circle is the full size.
        if (count <= 12) assert.ok(Math.max(...m.nodes.map((n) => 2 * n.r)) >= 32, 'nodes 32 px across');
        assert.deepEqual(await mapAxe(page), [], `axe on the map of ${count}`);
      }
      assert.deepEqual(problems, []);
    },
    { viewport: { width: 360, height: 740 }, touch: true },
  );
});

test('150 members: no name on another, nothing under 12 px, and the map passes axe', async () => {
  await withBrowser(
    async (open) => {
      const { page, problems } = await open();
      await restoreMembers(page, 150);
      const m = await measureMap(page);
      const pairs = overlapPairs(m);
      assert.deepEqual({ labels: pairs.labels, labelNode: pairs.labelNode }, { labels: 0, labelNode: 0 });
      assert.ok(m.smallest >= 11.9, `smallest text ${m.smallest} px`);
      assert.deepEqual(await mapAxe(page), []);
      // A shortened name shows whole when its member has the keyboard.
      const shortened = page.locator('[data-testid=network-map] .map-member.shortened').first();
      await shortened.focus();
      const full = await shortened.locator('title').textContent();
      const shown = shortened.locator('text.map-label-full');
      assert.equal(await shown.textContent(), full);
      assert.ok(await shown.isVisible(), 'the full name shows on focus');
      assert.deepEqual(problems, []);
    },
    { viewport: { width: 360, height: 740 }, touch: true },
  );
});

/** The map's viewBox as numbers: x, y, width, height. */
async function viewBox(page) {
  const value = await page.getByTestId('network-map').getAttribute('viewBox');
  return value.split(/\s+/).map(Number);
}

test('zoom by buttons and pinch; at any zoom a tap opens a member and a drag moves one', async () => {
  await withBrowser(
    async (open) => {
      const { page, problems } = await open();
      await restoreMembers(page, 30);
      const map = page.getByTestId('network-map');
      const whole = await viewBox(page);
      await page.getByRole('button', { name: t.network.zoom_in }).click();
      const zoomed = await viewBox(page);
      assert.ok(zoomed[2] < whole[2] * 0.7, `zoomed in: ${zoomed} from ${whole}`);
      await page.getByRole('button', { name: t.network.zoom_fit }).click();
      assert.deepEqual(await viewBox(page), whole);

      // Pinch: two fingers on empty map moving apart zoom in around them.
      await map.scrollIntoViewIfNeeded();
      const box = await map.boundingBox();
      const mid = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
      const finger = (id, x, y) => ({ pointerId: id, pointerType: 'touch', button: 0, isPrimary: id === 11, clientX: x, clientY: y });
      await map.dispatchEvent('pointerdown', finger(11, mid.x - 20, mid.y));
      await map.dispatchEvent('pointerdown', finger(12, mid.x + 20, mid.y));
      for (const d of [30, 45, 60, 80]) {
        await map.dispatchEvent('pointermove', finger(11, mid.x - d, mid.y));
        await map.dispatchEvent('pointermove', finger(12, mid.x + d, mid.y));
      }
      await map.dispatchEvent('pointerup', finger(11, mid.x - 80, mid.y));
      await map.dispatchEvent('pointerup', finger(12, mid.x + 80, mid.y));
      const pinched = await viewBox(page);
      assert.ok(pinched[2] < whole[2] * 0.5, `pinched in: ${pinched}`);
      assert.match(page.url(), /#\/network$/, 'a pinch opens nobody');

      // Zoomed in, a member reached by the keyboard is brought into view, and a tap opens it.
      const far = page.locator('[data-testid=network-map] [data-member]').last();
      await far.focus();
      await page.waitForFunction(() => {
        const svg = document.querySelector('[data-testid=network-map]');
        const frame = svg.getBoundingClientRect();
        const r = document.activeElement.querySelector('path').getBoundingClientRect();
        return r.left >= frame.left - 1 && r.right <= frame.right + 1 && r.top >= frame.top - 1 && r.bottom <= frame.bottom + 1;
      });
      const target = await page.evaluate(() => {
        const svg = document.querySelector('[data-testid=network-map]');
        const frame = svg.getBoundingClientRect();
        for (const g of svg.querySelectorAll('[data-member]')) {
          const r = g.querySelector('path').getBoundingClientRect();
          const x = r.left + r.width / 2;
          const y = r.top + r.height / 2;
          if (x > frame.left + 10 && x < frame.right - 10 && y > frame.top + 10 && y < frame.bottom - 10) {
            return { name: g.querySelector('title').textContent, x, y };
          }
        }
        return null;
      });
      assert.ok(target, 'a member in view when zoomed in');
      await touchPath(page, [target, target]);
      await page.getByRole('heading', { level: 1, name: fill(t.member.title, { name: target.name }) }).waitFor();

      // Zoomed in by a button, a drag moves the member and the keyboard lands on it.
      const before = await mapPositions(page);
      await page.getByRole('button', { name: t.network.zoom_in }).click();
      const moving = await page.evaluate(() => {
        const svg = document.querySelector('[data-testid=network-map]');
        const frame = svg.getBoundingClientRect();
        for (const g of svg.querySelectorAll('[data-member]')) {
          const r = g.querySelector('path').getBoundingClientRect();
          const x = r.left + r.width / 2;
          const y = r.top + r.height / 2;
          if (x > frame.left + 60 && x < frame.right - 60 && y > frame.top + 60 && y < frame.bottom - 60) {
            // Along the ring (square to the line from "You"), so the drop stays on the map.
            const you = svg.querySelector('circle[fill="#1d4e89"]').getBoundingClientRect();
            const [dx, dy] = [x - (you.left + you.width / 2), y - (you.top + you.height / 2)];
            const length = Math.hypot(dx, dy) || 1;
            return { name: g.querySelector('title').textContent, id: g.dataset.member, x, y, ux: -dy / length, uy: dx / length };
          }
        }
        return null;
      });
      assert.ok(moving, 'a member well inside the zoomed map');
      await touchPath(page, [0, 1, 2, 3].map((i) => ({ x: moving.x + i * 9 * moving.ux, y: moving.y + i * 9 * moving.uy })));
      await waitForSaved(page);
      assert.match(page.url(), /#\/network$/);
      await page.waitForFunction((id) => document.activeElement?.dataset?.member === id, moving.id);
      const after = await mapPositions(page);
      assert.notEqual(after[moving.name], before[moving.name], 'the member moved');
      assert.deepEqual(problems, []);
    },
    { viewport: { width: 360, height: 740 }, touch: true },
  );
});

test('the add form starts fresh after each add', async () => {
  await withBrowser(async (open) => {
    const { page, problems } = await open();
    await page.goto(`${server.url}#/network`);
    await addQuickly(page, [{ name: 'Choir', kind: 'group', circle: 'outer' }]);
    assert.equal(await page.locator('input[name=new-kind]:checked').getAttribute('value'), 'person');
    assert.equal(await page.locator('input[name=new-circle]:checked').getAttribute('value'), 'inner');
    assert.deepEqual(problems, []);
  });
});
