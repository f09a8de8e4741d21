// Coming back over weeks and months, with the browser's clock under the test's control: map
// and choose; two weeks later a check-in is offered and a barrier named there comes back as an
// offer; six months later taking stock keeps the first map, which can be opened read-only, and
// the comparison shows what changed, with named dots and the change score; an answer on feeling
// alone can be taken back; a calendar reminder is a valid file; all survives a reload.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { openAddForm, plural, seriousAxeViolations, serveApp, t, waitForSaved, withBrowser } from './support.mjs';

let server;
before(async () => {
  server = await serveApp();
});
after(() => server.close());

const DAY = 24 * 60 * 60 * 1000;
const fill = (text, values) => text.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, key) => values[key]);

async function addMember(page, { name, kind, circle }) {
  await openAddForm(page);
  await page.getByLabel(t.network.name_label, { exact: true }).fill(name);
  await page.locator(`input[name=new-kind][value=${kind}]`).check();
  await page.locator(`input[name=new-circle][value=${circle}]`).check();
  await page.getByRole('button', { name: t.network.add, exact: true }).click();
  await page
    .getByTestId('announcement')
    .getByText(fill(t.network.added_to[circle], { name }))
    .waitFor();
  await waitForSaved(page);
}

test('check in after two weeks, take stock after six months, see what changed', async () => {
  await withBrowser(async (open) => {
    const { context, page, problems } = await open();
    const start = new Date('2026-01-05T09:00:00');
    await context.clock.install({ time: start });

    await page.goto(`${server.url}#/about-you`);
    await page.getByLabel(t.about.area_label).fill('MB1 1ED');
    await waitForSaved(page);
    await page.goto(`${server.url}#/network`);
    await addMember(page, { name: 'Pat', kind: 'person', circle: 'inner' });
    await addMember(page, { name: 'Tuesday choir', kind: 'group', circle: 'outer' });

    // A first answer to one well-being question, with the first map.
    await page.goto(`${server.url}#/over-time`);
    await page.getByText(t.wellbeing.open).click();
    // In English the questions are the validated wording: no notice that they are not.
    assert.equal(await page.getByTestId('not-validated').count(), 0);
    await page.getByLabel(t.wellbeing.life_satisfaction).selectOption('4');
    await waitForSaved(page);
    await page.getByTestId('nothing-due').waitFor();

    // The three questions on feeling alone give a score; taking one answer back leaves no
    // score for this map, and stays taken back after a reload.
    const lonely = (question) => page.getByRole('group', { name: question });
    // Nothing is selected before the person answers: not asked yet is not "Prefer not to
    // answer".
    for (const question of [t.wellbeing.lack_companionship, t.wellbeing.left_out, t.wellbeing.isolated]) {
      assert.equal(await lonely(question).locator('input:checked').count(), 0, question);
    }
    await lonely(t.wellbeing.lack_companionship).getByLabel(t.wellbeing.hardly_ever, { exact: true }).check();
    await lonely(t.wellbeing.left_out).getByLabel(t.wellbeing.some_of_the_time, { exact: true }).check();
    await lonely(t.wellbeing.isolated).getByLabel(t.wellbeing.often, { exact: true }).check();
    await waitForSaved(page);
    await page
      .getByTestId('loneliness-score')
      .getByText(fill(t.wellbeing.loneliness_score, { total: 6 }), { exact: true })
      .waitFor();
    const takeBack = lonely(t.wellbeing.left_out).getByLabel(t.wellbeing.prefer_not_to_answer, { exact: true });
    await takeBack.focus();
    await page.keyboard.press('Space');
    await waitForSaved(page);
    assert.equal(await takeBack.isChecked(), true);
    assert.equal(await page.getByTestId('loneliness-score').count(), 0);
    await page.reload();
    await page.getByText(t.wellbeing.open).click();
    assert.equal(
      await lonely(t.wellbeing.left_out).getByLabel(t.wellbeing.prefer_not_to_answer, { exact: true }).isChecked(),
      true,
    );
    assert.equal(
      await lonely(t.wellbeing.lack_companionship).getByLabel(t.wellbeing.hardly_ever, { exact: true }).isChecked(),
      true,
    );
    assert.equal(await page.getByTestId('loneliness-score').count(), 0);

    // Choose something to try.
    await page.goto(`${server.url}#/suggestions`);
    const card = page.getByTestId('suggestions').locator('li.suggestion').first();
    await card.waitFor();
    const chosen = (await card.locator('.suggestion-name').textContent()).trim();
    await card.getByRole('button', { name: t.suggest.choose }).click();
    await waitForSaved(page);

    // A reminder for the check-in can go into the person's own calendar.
    await page.goto(`${server.url}#/over-time`);
    const reminder = page.getByTestId('reminders').getByRole('button').first();
    const [download] = await Promise.all([page.waitForEvent('download'), reminder.click()]);
    const ics = readFileSync(await download.path(), 'utf8');
    // Named for what it is, with a UID unique to this person and reminder.
    assert.match(download.suggestedFilename(), /^genie-how-did-.+-go\.ics$/);
    assert.match(ics, /\r\nUID:[0-9a-f]{16}-check-in-1-[0-9a-f]{8}-1@genie\r\n/);
    assert.match(ics, /^BEGIN:VCALENDAR\r\n/);
    assert.match(ics, /\r\nDTSTART:2026011\dT\d{6}Z\r\n/, ics);
    assert.ok(ics.includes(`SUMMARY:${fill(t.reminders.check_in, { name: chosen }).replaceAll(',', '\\,').slice(0, 20)}`), ics);

    // Two weeks later the check-in is offered when the app opens.
    await context.clock.setSystemTime(new Date(start.getTime() + 15 * DAY));
    await page.goto(server.url);
    await page.reload();
    const notice = page.getByTestId('due-notice');
    await notice.getByRole('link', { name: fill(t.over_time.due_check_in, { name: chosen }) }).click();
    const checkIn = page.locator('article.plan').first().getByTestId('check-in');
    await checkIn.getByText(t.check_in.title).click();
    await checkIn.getByLabel(t.check_in.tried_not_yet).check();
    await checkIn.getByLabel(t.barrier.cost).check();
    await checkIn.getByLabel(t.check_in.note).fill('The bus fare went up');
    await waitForSaved(page);
    // Half-answered and the page reloads: the answers are still there.
    await page.reload();
    const again = page.locator('article.plan').first().getByTestId('check-in');
    assert.equal(await again.getByLabel(t.check_in.tried_not_yet).isChecked(), true);
    assert.equal(await again.getByLabel(t.barrier.cost).isChecked(), true);
    assert.equal(await again.getByLabel(t.check_in.note).inputValue(), 'The bus fare went up');
    await again.getByRole('button', { name: t.check_in.save }).click();
    await page.getByTestId('announcement').getByText(t.check_in.saved).waitFor();
    await waitForSaved(page);

    // The barrier comes back as an offer to change the matching limit.
    const offers = page.getByTestId('offers');
    await offers.getByRole('button', { name: t.offers.free_only }).click();
    await waitForSaved(page);
    assert.equal(await page.getByTestId('offers').count(), 0);
    await page.goto(`${server.url}#/preferences`);
    assert.equal(await page.getByLabel(t.prefs.cost_label).inputValue(), 'free');

    // Six months after the first map: take stock.
    await context.clock.setSystemTime(new Date(start.getTime() + 190 * DAY));
    await page.goto(server.url);
    await page.reload();
    await page
      .getByTestId('due-notice')
      .getByRole('link', { name: t.over_time.due_six_months })
      .click();
    // The question takes focus when it appears; "No" keeps the map and puts focus back.
    const takeStock = page.getByRole('button', { name: t.over_time.take_stock });
    await takeStock.focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction(
      (text) => document.activeElement?.textContent?.trim() === text,
      t.over_time.take_stock_confirm,
    );
    await page.getByRole('button', { name: t.over_time.take_stock_no }).click();
    await page.waitForFunction((text) => document.activeElement?.textContent?.trim() === text, t.over_time.take_stock);
    // Escape does the same.
    await page.keyboard.press('Enter');
    await page.waitForFunction(
      (text) => document.activeElement?.textContent?.trim() === text,
      t.over_time.take_stock_confirm,
    );
    await page.keyboard.press('Escape');
    await page.waitForFunction((text) => document.activeElement?.textContent?.trim() === text, t.over_time.take_stock);
    await takeStock.click();
    await page.getByRole('button', { name: t.over_time.take_stock_yes }).click();
    await page.getByRole('heading', { level: 1, name: t.network.title }).waitFor();
    await waitForSaved(page);
    // Redrawing is editing: the copy already has everyone.
    assert.equal(
      await page.getByTestId('member-count').textContent(),
      plural(t.network, 'count', 2),
    );
    await addMember(page, { name: 'Walking group', kind: 'activity', circle: 'middle' });
    await addMember(page, { name: 'Patient forum', kind: 'online', circle: 'outer' });

    await page.goto(`${server.url}#/over-time`);
    await page.getByText(t.wellbeing.open).click();
    await page.getByLabel(t.wellbeing.life_satisfaction).selectOption('7');
    await waitForSaved(page);

    async function checkComparison() {
      const compare = page.getByTestId('compare');
      const added = await compare.locator('[data-change=new] li').allTextContents();
      assert.deepEqual(added, [
        fill(t.compare.new_member, { name: 'Walking group', kind: t.kind.activity.toLowerCase() }),
        fill(t.compare.new_member, { name: 'Patient forum', kind: t.kind.online.toLowerCase() }),
      ]);
      // Each small map is captioned with its map's date, and each dot is named.
      const earlierMini = compare.getByTestId('mini-before');
      const laterMini = compare.getByTestId('mini-after');
      const caption = (which, n) =>
        fill(t.compare.picture_caption, { which, map: fill(t.over_time.wave_label, { n, date: '' }) });
      const earlierCaption = await earlierMini.locator('figcaption').textContent();
      assert.ok(earlierCaption.startsWith(caption(t.compare.picture_before, 1)), earlierCaption);
      assert.match(earlierCaption, /2026/);
      const laterCaption = await laterMini.locator('figcaption').textContent();
      assert.ok(laterCaption.startsWith(caption(t.compare.picture_after, 2)), laterCaption);
      assert.match(laterCaption, /2026/);
      assert.deepEqual(await earlierMini.locator('circle.dot title').allTextContents(), ['Pat', 'Tuesday choir']);
      assert.deepEqual(await laterMini.locator('circle.dot title').allTextContents(), [
        'Pat',
        'Tuesday choir',
        fill(t.compare.dot_new, { name: 'Walking group' }),
        fill(t.compare.dot_new, { name: 'Patient forum' }),
      ]);
      await laterMini.getByRole('img', { name: fill(t.compare.dot_new, { name: 'Patient forum' }) }).waitFor();
      await earlierMini.getByRole('img', { name: 'Pat', exact: true }).waitFor();
      const score = page.getByTestId('change-score');
      await score.getByRole('heading', { name: fill(t.compare.score_title, { total: 2 }) }).waitFor();
      assert.equal(await score.locator('[data-item=new_activities]').getAttribute('data-earned'), '1');
      assert.equal(await score.locator('[data-item=online]').getAttribute('data-earned'), '1');
      assert.equal(await score.locator('[data-item=new_members]').getAttribute('data-earned'), '0');
      assert.equal(
        await score.locator('[data-item=online] strong').textContent(),
        fill(t.compare.score_line, { item: t.compare.score_online, mark: 1 }),
      );
      const trends = page.getByTestId('trends');
      await trends
        .getByText(fill(t.wellbeing.trend_better, { what: t.wellbeing.name_life, from: 4, to: 7 }))
        .waitFor();
      const timeline = await page.getByTestId('timeline').locator('ol.timeline li').allTextContents();
      // Each count says when it was taken: map 2 started as a copy with the 2 members map 1
      // was kept with, though it has 4 now.
      const once = (text) => assert.equal(timeline.filter((line) => line.endsWith(text)).length, 1, `${text} in ${timeline.join(' | ')}`);
      once(fill(t.timeline.map_started_first, { n: 1 }));
      once(fill(t.timeline.map_kept, { n: 1, count: 2 }));
      once(fill(t.timeline.map_started_copy, { n: 2, before: 1, count: 2 }));
      assert.equal(timeline.filter((line) => line.includes(fill(t.timeline.tried_not_yet, { name: chosen }))).length, 1);
    }
    await checkComparison();

    // The charts grow with the person's text size (the browser's setting, as root font size).
    const chartWidth = () =>
      page.getByTestId('chart-circles').locator('svg.chart-svg').evaluate((svg) => svg.getBoundingClientRect().width);
    const normal = await chartWidth();
    await page.evaluate(() => {
      document.documentElement.style.fontSize = '150%';
    });
    const larger = await chartWidth();
    await page.evaluate(() => {
      document.documentElement.style.fontSize = '';
    });
    assert.ok(larger > normal * 1.2, `chart ${normal}px wide, ${larger}px with larger text`);

    // The first map, kept when taking stock, opens by keyboard to be looked at as it was:
    // its date, who was on it by circle, and its picture, with nothing to change.
    const earlier = page.getByTestId('earlier-maps');
    const opener = earlier.getByRole('button').first();
    const openerText = await opener.textContent();
    assert.ok(
      openerText.startsWith(fill(t.over_time.earlier_open, { map: fill(t.over_time.wave_label, { n: 1, date: '' }) })),
      openerText,
    );
    assert.equal(await opener.getAttribute('aria-expanded'), 'false');
    await opener.focus();
    await page.keyboard.press('Enter');
    const shown = page.getByTestId('earlier-map');
    await shown.waitFor();
    assert.equal(await opener.getAttribute('aria-expanded'), 'true');
    await page.waitForFunction(() => document.activeElement?.id === 'earlier-map-title');
    const shownTitle = await shown.getByRole('heading', { level: 3 }).textContent();
    assert.ok(shownTitle.startsWith(fill(t.over_time.wave_label, { n: 1, date: '' })), shownTitle);
    assert.match(shownTitle, /2026/);
    const inCircle = (circle) => shown.locator(`[data-circle=${circle}] li`).allTextContents();
    assert.deepEqual(await inCircle('inner'), [
      fill(t.over_time.earlier_member, { name: 'Pat', kind: t.kind.person.toLowerCase() }),
    ]);
    assert.deepEqual(await inCircle('middle'), [t.over_time.earlier_nobody]);
    assert.deepEqual(await inCircle('outer'), [
      fill(t.over_time.earlier_member, { name: 'Tuesday choir', kind: t.kind.group.toLowerCase() }),
    ]);
    const picture = shown.getByTestId('earlier-picture');
    assert.deepEqual(await picture.locator('g.picture-member title').allTextContents(), ['Pat', 'Tuesday choir']);
    await picture
      .getByRole('img', { name: fill(t.network.member_label, { name: 'Pat', kind: t.kind.person, circle: t.circle.inner }) })
      .waitFor();
    // Read-only: no fields, links or focusable members; the one button closes it.
    assert.equal(await shown.locator('input, select, textarea, a, [contenteditable]').count(), 0);
    assert.equal(await shown.locator('[tabindex]:not(#earlier-map-title)').count(), 0);
    assert.deepEqual(await shown.getByRole('button').allTextContents(), [t.over_time.earlier_close]);
    assert.deepEqual(await seriousAxeViolations(page), []);
    await shown.getByRole('button', { name: t.over_time.earlier_close }).press('Enter');
    assert.equal(await page.getByTestId('earlier-map').count(), 0);
    await page.waitForFunction(() => document.activeElement?.id === 'earlier-open-1');

    // Everything is still there after a reload; the first map was kept as it was.
    await page.reload();
    await page.getByTestId('compare').waitFor();
    await checkComparison();

    // The device clock is set back a month before the first map: nothing is lost or reordered,
    // and taking stock again still works (the new map never "starts" before the last one).
    await context.clock.setSystemTime(new Date(start.getTime() - 30 * DAY));
    await page.reload();
    await page.getByTestId('compare').waitFor();
    await checkComparison();
    await page.getByRole('button', { name: t.over_time.take_stock }).click();
    await page.getByRole('button', { name: t.over_time.take_stock_yes }).click();
    await page.getByRole('heading', { level: 1, name: t.network.title }).waitFor();
    await waitForSaved(page);
    await page.goto(`${server.url}#/over-time`);
    const lines = await page.getByTestId('timeline').locator('ol.timeline li').allTextContents();
    // "Map {{ n }} started" and "Map {{ n }} started as a copy of ..." as patterns that
    // capture n.
    const pattern = (template) =>
      new RegExp(
        `${template
          .replace(/[.*+?^$()|[\]\\]/g, '\\$&')
          .replace(/\{\{\s*n\s*\}\}/, '(\\d+)')
          .replace(/\{\{\s*\w+\s*\}\}/g, '\\d+')}$`,
      );
    const started = [pattern(t.timeline.map_started_first), pattern(t.timeline.map_started_copy)];
    const maps = lines.map((line) => started.map((p) => line.match(p)?.[1]).find(Boolean)).filter(Boolean);
    assert.deepEqual(maps, ['1', '2', '3'], lines.join(' | '));
    assert.deepEqual(problems, []);
  });
});

// In London across the start of summer time: an activity chosen at 11:00 has its check-in
// reminder at 10:00 on its day two weeks later, and following that reminder finds the
// check-in due. A good check-in offers to put the activity on the map, in a circle the
// person picks; it then counts as a new activity and is no longer a plan.
test('a reminder finds its check-in due, and a good check-in puts the activity on the map', async () => {
  await withBrowser(
    async (open) => {
      const { context, page, problems } = await open();
      // 20 March 2026, 09:00 in London (GMT); summer time starts on 29 March.
      const start = new Date('2026-03-20T09:00:00Z');
      await context.clock.install({ time: start });

      await page.goto(`${server.url}#/about-you`);
      await page.getByLabel(t.about.area_label).fill('MB1 1ED');
      await waitForSaved(page);
      await page.goto(`${server.url}#/network`);
      await addMember(page, { name: 'Pat', kind: 'person', circle: 'inner' });

      // Take stock straight away, so what happens next is measured against the first map.
      await page.goto(`${server.url}#/over-time`);
      await page.getByRole('button', { name: t.over_time.take_stock }).click();
      await page.getByRole('button', { name: t.over_time.take_stock_yes }).click();
      await page.getByRole('heading', { level: 1, name: t.network.title }).waitFor();
      await waitForSaved(page);

      // Chosen at 11:00.
      await context.clock.setSystemTime(new Date('2026-03-20T11:00:00Z'));
      await page.goto(`${server.url}#/suggestions`);
      const card = page.getByTestId('suggestions').locator('li.suggestion').first();
      await card.waitFor();
      const chosen = (await card.locator('.suggestion-name').textContent()).trim();
      await card.getByRole('button', { name: t.suggest.choose }).click();
      await waitForSaved(page);
      await page.goto(`${server.url}#/network`);
      await page.getByTestId('planned').getByText(chosen).waitFor();

      // The reminder: 10:00 London time on 3 April, which is summer time (09:00 UTC).
      await page.goto(`${server.url}#/over-time`);
      const reminders = page.getByTestId('reminders').getByRole('button');
      const files = [];
      for (const button of await reminders.all()) {
        const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
        files.push({ name: download.suggestedFilename(), ics: readFileSync(await download.path(), 'utf8') });
      }
      const names = files.map((f) => f.name);
      assert.equal(new Set(names).size, names.length, `one name per reminder: ${names.join(', ')}`);
      const uids = files.map((f) => f.ics.match(/\r\nUID:(.+)\r\n/)?.[1]);
      assert.equal(new Set(uids).size, uids.length, `one UID per reminder: ${uids.join(', ')}`);
      const checkInFile = files.find((f) => f.ics.includes(`SUMMARY:${fill(t.reminders.check_in, { name: chosen }).replaceAll(',', '\\,').slice(0, 20)}`));
      assert.ok(checkInFile, names.join(', '));
      for (const field of ['VERSION:2.0', 'PRODID:', 'DTSTAMP:', 'BEGIN:VALARM']) {
        assert.ok(checkInFile.ics.includes(`\r\n${field}`), field);
      }
      const due = checkInFile.ics.match(/\r\nDTSTART:(\d{8}T\d{6}Z)\r\n/)?.[1];
      assert.equal(due, '20260403T090000Z');

      // The evening before, nothing is due yet.
      await context.clock.setSystemTime(new Date('2026-04-02T21:30:00Z'));
      await page.goto(`${server.url}#/over-time`);
      await page.reload();
      await page.getByTestId('nothing-due').waitFor();

      // Following the reminder at its own time: the check-in is due (chosen at 11:00, asked
      // at 10:00).
      await context.clock.setSystemTime(new Date('2026-04-03T09:00:00Z'));
      await page.goto(server.url);
      await page.reload();
      await page
        .getByTestId('due-notice')
        .getByRole('link', { name: fill(t.over_time.due_check_in, { name: chosen }) })
        .click();
      const plan = page.locator('article.plan').first();
      const checkIn = plan.getByTestId('check-in');
      await checkIn.getByText(t.check_in.title).click();
      await checkIn.getByLabel(t.check_in.tried_yes).check();
      await checkIn.getByLabel(t.check_in.how_5).check();
      await checkIn.getByRole('group', { name: t.check_in.again_legend }).getByLabel(t.check_in.again_yes, { exact: true }).check();
      await checkIn.getByRole('button', { name: t.check_in.save }).click();
      await page.getByTestId('announcement').getByText(t.check_in.saved).waitFor();
      await waitForSaved(page);

      // The offer: what it is and which circle are the person's to say.
      const offer = plan.getByTestId('on-map-offer');
      await offer.getByRole('heading', { name: fill(t.check_in.on_map_title, { name: chosen }) }).waitFor();
      const add = offer.getByRole('button', { name: fill(t.check_in.on_map_add, { name: chosen }) });
      await add.click();
      await offer.getByTestId('on-map-problem').getByText(t.check_in.on_map_needed).waitFor();
      await offer.getByRole('group', { name: t.check_in.on_map_kind }).getByLabel(t.kind.group, { exact: true }).check();
      await offer.getByRole('group', { name: t.check_in.on_map_circle }).getByLabel(t.circle.middle, { exact: true }).check();
      await add.press('Enter');
      await page.getByTestId('announcement').getByText(fill(t.check_in.on_map_done, { name: chosen })).waitFor();
      await waitForSaved(page);
      assert.equal(await offer.isVisible(), false, 'offered once');
      assert.deepEqual(await seriousAxeViolations(page), []);

      // On the map, no longer a plan; and after a reload too.
      await page.goto(`${server.url}#/network`);
      await page.reload();
      await page.getByTestId('member-count').getByText(plural(t.network, 'count', 2)).waitFor();
      assert.equal(await page.getByTestId('planned').count(), 0);

      // The change score counts it as a new activity since the first map.
      await page.goto(`${server.url}#/over-time`);
      const score = page.getByTestId('change-score');
      await score.getByRole('heading', { name: fill(t.compare.score_title, { total: 1 }) }).waitFor();
      assert.equal(await score.locator('[data-item=new_activities]').getAttribute('data-earned'), '1');
      const added = await page.getByTestId('compare').locator('[data-change=new] li').allTextContents();
      assert.deepEqual(added, [fill(t.compare.new_member, { name: chosen, kind: t.kind.group.toLowerCase() })]);

      // The take-stock reminders, followed at their own times over the year (long jumps with
      // setSystemTime), find taking stock due: at 10:00 on 18 September (summer time) and on
      // 20 March 2027 (winter time).
      const dtstart = (summary) =>
        files.find((f) => f.ics.includes(`\r\nSUMMARY:${summary}\r\n`))?.ics.match(/\r\nDTSTART:(\d{8}T\d{6}Z)\r\n/)?.[1];
      assert.equal(dtstart(t.reminders.six_months), '20260918T090000Z');
      assert.equal(dtstart(t.reminders.twelve_months), '20270320T100000Z');
      await context.clock.setSystemTime(new Date('2026-09-18T09:00:00Z'));
      await page.goto(server.url);
      await page.reload();
      await page.getByTestId('due-notice').getByRole('link', { name: t.over_time.due_six_months }).click();
      await page.getByRole('button', { name: t.over_time.take_stock }).click();
      await page.getByRole('button', { name: t.over_time.take_stock_yes }).click();
      await page.getByRole('heading', { level: 1, name: t.network.title }).waitFor();
      await waitForSaved(page);
      await context.clock.setSystemTime(new Date('2027-03-19T23:30:00Z'));
      await page.goto(`${server.url}#/over-time`);
      await page.reload();
      await page.getByTestId('nothing-due').waitFor();
      await context.clock.setSystemTime(new Date('2027-03-20T10:00:00Z'));
      await page.reload();
      await page.getByTestId('due').getByRole('link', { name: t.over_time.due_twelve_months }).waitFor();
      assert.deepEqual(problems, []);
    },
    { timezoneId: 'Europe/London' },
  );
});
