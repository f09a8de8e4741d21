// Two more engines for the core journeys, driven the way this machine allows: WebKit
// (WebKitGTK's MiniBrowser through Debian's WebKitWebDriver, W3C WebDriver over HTTP, on a
// private Xvfb display because MiniBrowser has no headless mode) and Firefox ESR (puppeteer-core
// over WebDriver BiDi; there is no geckodriver here). Both give the journeys the same few
// verbs: go to an address, run a function in the page, reload, close. Everything else happens
// in the page, so one journey runs unchanged in both.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const WEBKIT_DRIVER = process.env.WEBKIT_DRIVER || '/usr/bin/WebKitWebDriver';
export const MINIBROWSER =
  process.env.MINIBROWSER || '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';
export const FIREFOX = process.env.FIREFOX || '/usr/bin/firefox-esr';

/** Whether an engine's programs are installed (scripts/setup.sh installs them). */
export function available(engine) {
  if (engine === 'webkit') return [WEBKIT_DRIVER, MINIBROWSER, '/usr/bin/Xvfb'].every(existsSync);
  if (engine === 'firefox') return existsSync(FIREFOX);
  return false;
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Starts Xvfb on a free display; resolves to { display, stop }. */
function startXvfb() {
  return new Promise((resolve, reject) => {
    const xvfb = spawn('Xvfb', ['-displayfd', '3', '-screen', '0', '1280x1024x24', '-nolisten', 'tcp'], {
      stdio: ['ignore', 'ignore', 'ignore', 'pipe'],
    });
    let text = '';
    xvfb.stdio[3].on('data', (chunk) => {
      text += chunk;
      if (text.includes('\n')) {
        resolve({ display: `:${text.trim()}`, stop: () => xvfb.kill() });
      }
    });
    xvfb.on('error', reject);
    xvfb.on('exit', (code) => reject(new Error(`Xvfb stopped (${code})`)));
  });
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** W3C WebDriver over HTTP, the little the journeys need. */
async function webdriver(base, method, path, body) {
  const response = await fetch(`${base}${path}`, {
    method,
    headers: { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = await response.json();
  if (!response.ok) {
    throw new Error(`WebDriver ${method} ${path}: ${json.value?.error}: ${json.value?.message}`);
  }
  return json.value;
}

/**
 * WebKit: MiniBrowser in automation mode (without `--automation` the session hangs or "Failed
 * to match capabilities"). Its automation sessions are ephemeral: data lasts for the session,
 * so a browser restart cannot be tested here, only reloads.
 */
export async function launchWebKit() {
  const xvfb = await startXvfb();
  const port = await freePort();
  const driver = spawn(WEBKIT_DRIVER, [`--port=${port}`], {
    stdio: 'ignore',
    env: { ...process.env, DISPLAY: xvfb.display },
  });
  const base = `http://127.0.0.1:${port}`;
  const stop = () => {
    driver.kill();
    xvfb.stop();
  };
  try {
    for (let i = 0; ; i++) {
      try {
        await webdriver(base, 'GET', '/status');
        break;
      } catch (error) {
        if (i > 100) throw error;
        await sleep(100);
      }
    }
    const session = await webdriver(base, 'POST', '/session', {
      capabilities: {
        alwaysMatch: {
          'webkitgtk:browserOptions': { binary: MINIBROWSER, args: ['--automation'] },
        },
      },
    });
    const id = session.sessionId;
    const call = (method, path, body) => webdriver(base, method, `/session/${id}${path}`, body);
    return {
      name: 'webkit',
      restarts: false,
      goto: (url) => call('POST', '/url', { url }),
      // execute/sync awaits a returned promise (W3C WebDriver), so async functions work.
      run: (fn, ...args) =>
        call('POST', '/execute/sync', { script: `return (${fn}).apply(null, arguments);`, args }),
      reload: () => call('POST', '/refresh', {}),
      close: async () => {
        await call('DELETE', '').catch(() => {});
        stop();
      },
    };
  } catch (error) {
    stop();
    throw error;
  }
}

/**
 * Firefox ESR through puppeteer-core over WebDriver BiDi, on a profile kept for the journey so
 * a restart finds the same data. Every request the browser makes is recorded, so a journey can
 * check that nothing went to another host.
 */
export async function launchFirefox(profile) {
  const puppeteer = (await import('puppeteer-core')).default;
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    userDataDir: profile,
    // Firefox's own background traffic (updates, telemetry, safe browsing) is switched off so
    // only the page's requests are seen.
    extraPrefsFirefox: {
      'app.update.enabled': false,
      'browser.safebrowsing.malware.enabled': false,
      'browser.safebrowsing.phishing.enabled': false,
      'datareporting.policy.dataSubmissionEnabled': false,
      'network.captive-portal-service.enabled': false,
      'network.connectivity-service.enabled': false,
      'browser.download.useDownloadDir': true,
      'browser.download.dir': profile,
      'browser.download.folderList': 2,
    },
  });
  const [page] = await browser.pages();
  const requests = [];
  page.on('request', (request) => requests.push(request.url()));
  page.setDefaultTimeout(15_000);
  return {
    name: 'firefox',
    restarts: true,
    requests,
    goto: (url) => page.goto(url, { waitUntil: 'load' }),
    run: (fn, ...args) => page.evaluate(fn, ...args),
    reload: () => page.reload({ waitUntil: 'load' }),
    close: () => browser.close(),
  };
}

/** A profile folder under the test's temporary folder, removed by `cleanup()`. */
export function profileDir() {
  const dir = mkdtempSync(join(tmpdir(), 'genie-engine-'));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * Chromium through Playwright, with the same verbs: only for the benchmark, so the numbers of
 * the three engines sit side by side (the Chromium journeys themselves are in tests/e2e/).
 */
export async function launchChromium(profile) {
  const { chromium } = await import('playwright-core');
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run'],
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const requests = [];
  context.on('request', (request) => requests.push(request.url()));
  return {
    name: 'chromium',
    restarts: true,
    requests,
    goto: (url) => page.goto(url),
    // A string is run through the DevTools protocol, which the page's policy does not govern.
    run: (fn, ...args) => page.evaluate(`(${fn})(...${JSON.stringify(args)})`),
    reload: () => page.reload(),
    close: () => context.close(),
  };
}
