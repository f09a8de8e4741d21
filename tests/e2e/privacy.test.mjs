// Privacy is a feature to prove: during a whole journey the app asks for nothing from any
// other origin, and its Content Security Policy would stop it if it tried.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { serveApp, withBrowser, t, waitForSaved } from './support.mjs';

let server;
before(async () => {
  server = await serveApp();
});
after(() => server.close());

test('a whole journey makes no request to another origin', async () => {
  await withBrowser(async (open) => {
    const { context, page, problems } = await open();
    const requests = [];
    context.on('request', (request) => requests.push(request.url()));
    const violations = [];
    await context.exposeBinding('reportViolation', (_, v) => violations.push(v));
    await context.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) =>
        window.reportViolation(`${e.violatedDirective} ${e.blockedURI}`),
      );
    });

    await page.goto(server.url);
    await page.getByRole('link', { name: t.welcome.start }).click();
    await page.getByLabel(t.about.area_label).fill('MB1 1AA');
    await page.getByLabel(t.condition.loneliness).check();
    await waitForSaved(page);
    await page.reload();
    await page.getByRole('heading', { level: 1, name: t.about.title }).waitFor();
    await page.getByRole('link', { name: t.about.done }).click();
    await page.getByRole('heading', { level: 1, name: t.welcome.title }).waitFor();

    const origin = new URL(server.url).origin;
    const elsewhere = requests.filter((url) => {
      const { protocol } = new URL(url);
      return !['data:', 'blob:'].includes(protocol) && new URL(url).origin !== origin;
    });
    assert.ok(requests.length >= 3, `expected the app's own files, saw ${requests.length}`);
    assert.deepEqual(elsewhere, [], 'requests to another origin');
    assert.deepEqual(violations, [], 'the app itself must not trip its own policy');
    assert.deepEqual(problems, []);
    await context.close();
  });
});

test('the Content Security Policy blocks any attempt to reach another origin', async () => {
  await withBrowser(async (open) => {
    const { context, page } = await open();
    const answered = [];
    const failed = [];
    context.on('response', (response) => answered.push(response.url()));
    context.on('requestfailed', (request) =>
      failed.push(`${request.url()} ${request.failure()?.errorText}`),
    );
    await page.goto(server.url);
    await page.getByRole('heading', { level: 1, name: t.welcome.title }).waitFor();

    const outcome = await page.evaluate(async () => {
      const blocked = [];
      document.addEventListener('securitypolicyviolation', (e) =>
        blocked.push(e.violatedDirective),
      );
      const fetched = await fetch('http://198.51.100.7/collect').then(
        () => 'sent',
        () => 'refused',
      );
      const image = new Image();
      image.src = 'http://198.51.100.7/pixel.png';
      const script = document.createElement('script');
      script.src = 'http://198.51.100.7/tracker.js';
      document.head.append(script);
      await new Promise((resolve) => setTimeout(resolve, 300));
      return { fetched, blocked };
    });
    assert.equal(outcome.fetched, 'refused');
    assert.deepEqual([...new Set(outcome.blocked)].sort(), ['connect-src', 'img-src', 'script-src-elem']);
    assert.deepEqual(
      answered.filter((url) => url.includes('198.51.100.7')),
      [],
      'no blocked request may reach the network',
    );
    const outside = failed.filter((line) => line.includes('198.51.100.7'));
    assert.ok(outside.length >= 2, `the browser reports the blocked requests: ${outside}`);
    for (const line of outside) assert.match(line, /csp/i);
    await context.close();
  });
});

test('the page about looking after information is reachable from the first page', async () => {
  await withBrowser(async (open) => {
    const { page, problems } = await open();
    await page.goto(server.url);
    await page.getByRole('main').getByRole('link', { name: t.privacy.link }).click();
    await page.getByRole('heading', { level: 1, name: t.privacy.title }).waitFor();
    for (const heading of ['what_title', 'where_title', 'sent_title', 'how_long_title', 'delete_title']) {
      await page.getByRole('heading', { level: 2, name: t.privacy[heading] }).waitFor();
    }
    assert.deepEqual(problems, []);
  });
});
