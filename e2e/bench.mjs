// The playground's keystroke benchmark (`cargo xtask bench`, or `node bench.mjs` after a build):
// real key presses through Playwright's keyboard in headless Chromium, timed from keydown to the
// end of the first frame painted with the page updated (request URL, diagnostics, response
// body), beside a trivial one-input page (the floor) in the same run; with a 2-entry and a
// 1,000-entry server list, at 1× and 4× CPU throttling (`Emulation.setCPUThrottlingRate`).
// Also: pasting the 1,000-entry list into the raw editor (`Input.insertText`) to the updated
// page, opening a link that holds it, and the long tasks of each case. Prints a table; no
// assertion on time.
//
// Environment: KEYSTROKES (per case, default 60), PASTES (default 5), THROTTLE (default "1,4"),
// DIST (default ../dist), BASELINE (a second dist/, e.g. a build of main, measured in the same
// run; BASELINE_KEYSTROKES default 10, since an old build may take seconds a keystroke).
import { readFileSync } from 'node:fs';
import { launch } from './lib/browser.mjs';
import { DIST, startServer } from './lib/server.mjs';
import { harness } from './bench/harness.mjs';
import { linkTo, serverId, serverList } from './bench/lists.mjs';

const KEYSTROKES = Number(process.env.KEYSTROKES ?? 60);
const PASTES = Number(process.env.PASTES ?? 5);
const THROTTLES = (process.env.THROTTLE ?? '1,4').split(',').map(Number);
const BASELINE = process.env.BASELINE;
const BASELINE_KEYSTROKES = Number(process.env.BASELINE_KEYSTROKES ?? 10);
const WARMUP = 6;
const LONG = 1000;
const FLOOR_HTML = readFileSync(new URL('./bench/floor.html', import.meta.url), 'utf8');

const quantile = (sorted, q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
const stats = (times) => {
  const s = [...times].sort((a, b) => a - b);
  return { n: s.length, median: quantile(s, 0.5), p95: quantile(s, 0.95), max: s.at(-1) };
};

async function openPage(browser, origin, path, rate) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.addInitScript(harness);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });
  await page.goto(origin + path);
  if (path !== '/floor') {
    await page.waitForFunction(() => document.querySelector('.summary')?.textContent, null, {
      timeout: 300_000,
    });
  }
  return { page, cdp, close: () => context.close() };
}

async function longTasks(page) {
  return page.evaluate(() => {
    const l = window.__bench.longtasks.splice(0);
    return { count: l.length, max: l.length ? Math.max(...l) : 0 };
  });
}

async function clearLongTasks(page) {
  await page.evaluate(() => window.__bench.longtasks.splice(0));
}

/** Presses '0' and Backspace in turn in the focused field: 8000 → 80000 (not a port) → 8000. */
async function typeInField(page, kind, n, expectFor) {
  const times = [];
  for (let i = 0; i < n + WARMUP; i++) {
    const bad = i % 2 === 0;
    await page.evaluate(([k, e]) => window.__bench.arm(k, e), [kind, expectFor(bad)]);
    await page.keyboard.press(bad ? '0' : 'Backspace');
    const r = await page.evaluate(() => window.__bench.result);
    if (r.error) throw new Error(r.error);
    if (i >= WARMUP) times.push(r.ms);
    // Now and then a pause, as typing has: the link's fragment is written then, and its cost
    // shows among the long tasks.
    if (i % 10 === 9) await page.waitForTimeout(250);
  }
  return times;
}

/** The floor: the one-input page. */
async function floorCase(browser, origin, rate, n) {
  const { page, close } = await openPage(browser, origin, '/floor', rate);
  await page.focus('#floor');
  await page.keyboard.press('End');
  await clearLongTasks(page);
  const times = await typeInField(page, 'floor', n, () => ({}));
  const lt = await longTasks(page);
  await close();
  return { times, lt };
}

const portExpect = (entries) => (bad) => ({
  port: bad ? '80000' : '8000',
  bad,
  body: entries === 2 ? (bad ? 'RealServerPortNotSupport' : 'i-srv0002') : 'BACKEND_SERVERS_NUM_MUST_BE_TWO',
});

/** Typing in Server 1's Port field (`where: 'card'`) or in the raw text (`where: 'raw'`). */
async function typingCase(browser, origin, rate, n, entries, where) {
  const { page, close } = await openPage(browser, origin, linkTo(serverList(entries)), rate);
  if (where === 'card') {
    await page.focus('#s0-Port');
    await page.keyboard.press('End');
  } else {
    await page.focus('#MasterSlaveBackendServers');
    await page.evaluate(() => {
      const t = document.getElementById('MasterSlaveBackendServers');
      const at = t.value.indexOf('"Port":"8000') + '"Port":"8000'.length;
      t.setSelectionRange(at, at);
    });
  }
  await clearLongTasks(page);
  const times = await typeInField(page, 'port', n, portExpect(entries));
  await page.waitForTimeout(300);
  const lt = await longTasks(page);
  await close();
  return { times, lt };
}

/** Pasting the long list over the 2-entry one in the raw editor, `reps` times. */
async function pasteCase(browser, origin, rate, reps) {
  const long = serverList(LONG);
  const short = serverList(2);
  const { page, cdp, close } = await openPage(browser, origin, linkTo(short), rate);
  await page.focus('#MasterSlaveBackendServers');
  const times = [];
  let lt = { count: 0, max: 0 };
  for (let i = 0; i < reps; i++) {
    await page.keyboard.press('Control+A');
    await clearLongTasks(page);
    await page.evaluate((e) => window.__bench.arm('list', e), {
      // The page shows the first 4,096 bytes of a long URL.
      urlAtLeast: 4096,
      code: 'BACKEND_SERVERS_NUM_MUST_BE_TWO',
    });
    await cdp.send('Input.insertText', { text: long });
    const r = await page.evaluate(() => window.__bench.result);
    if (r.error) throw new Error(r.error);
    times.push(r.ms);
    await page.waitForTimeout(300);
    const l = await longTasks(page);
    lt = { count: lt.count + l.count, max: Math.max(lt.max, l.max) };
    // Back to two entries (not timed).
    await page.keyboard.press('Control+A');
    await page.evaluate((e) => window.__bench.arm('list', e), { lastId: serverId(2) });
    await cdp.send('Input.insertText', { text: short });
    const back = await page.evaluate(() => window.__bench.result);
    if (back.error) throw new Error(back.error);
  }
  await close();
  return { times, lt };
}

/** Opening a link that holds the long list: time to a rendered page, and the long tasks. */
async function openCase(browser, origin, rate, reps) {
  const times = [];
  let lt = { count: 0, max: 0 };
  for (let i = 0; i < reps; i++) {
    const { page, close } = await openPage(browser, origin, linkTo(serverList(LONG)), rate);
    times.push(
      await page.evaluate(
        () =>
          new Promise((ok) =>
            requestAnimationFrame(() => {
              const c = new MessageChannel();
              c.port1.onmessage = () => ok(performance.now());
              c.port2.postMessage(0);
            }),
          ),
      ),
    );
    await page.waitForTimeout(300);
    const l = await longTasks(page);
    lt = { count: lt.count + l.count, max: Math.max(lt.max, l.max) };
    await close();
  }
  return { times, lt };
}

async function measureApp(browser, origin, label, rate, n, rows, floor) {
  const add = (name, r, withFloor = true) =>
    rows.push({ label, name, rate, ...stats(r.times), lt: r.lt, floor: withFloor ? floor : null });
  add('keystroke, Server 1 Port, 2 entries', await typingCase(browser, origin, rate, n, 2, 'card'));
  add(`keystroke, Server 1 Port, ${LONG} entries`, await typingCase(browser, origin, rate, n, LONG, 'card'));
  add(`keystroke, raw text, ${LONG} entries`, await typingCase(browser, origin, rate, n, LONG, 'raw'));
  add(`paste ${LONG} entries into the raw text`, await pasteCase(browser, origin, rate, PASTES), false);
  add(`open a link with ${LONG} entries (to 1st frame)`, await openCase(browser, origin, rate, Math.min(PASTES, 3)), false);
}

const f = (x) => x.toFixed(1).padStart(7);
const d = (x) => `${x >= 0 ? '+' : ''}${x.toFixed(1)}`.padStart(7);

function print(rows) {
  const head = `${'case'.padEnd(58)} cpu    n  median     p95     max  Δmedian   Δp95  long tasks (n, max ms)`;
  console.log(`\n${head}\n${'-'.repeat(head.length)}`);
  for (const r of rows) {
    const name = `${r.label ? `[${r.label}] ` : ''}${r.name}`.padEnd(58);
    const delta = r.floor ? `${d(r.median - r.floor.median)}  ${d(r.p95 - r.floor.p95)}` : ' '.repeat(15);
    const lt = r.lt.count ? `${r.lt.count}, ${r.lt.max.toFixed(0)}` : '0';
    console.log(`${name} ${String(r.rate).padStart(2)}× ${String(r.n).padStart(4)} ${f(r.median)} ${f(r.p95)} ${f(r.max)} ${delta}  ${lt}`);
  }
  console.log('\nms from keydown (paste: beforeinput) to the end of the first frame painted with the page updated;');
  console.log('Δ: against the floor (one input echoed into the page) at the same throttling, same run.');
}

const extra = { '/floor': ['text/html; charset=utf-8', FLOOR_HTML] };
const started = Date.now();
const server = await startServer({ dir: process.env.DIST ?? DIST, extra });
const baseline = BASELINE ? await startServer({ dir: BASELINE, extra }) : null;
const browser = await launch();
const rows = [];
try {
  for (const rate of THROTTLES) {
    const r = await floorCase(browser, server.origin, rate, KEYSTROKES);
    const floor = { ...stats(r.times) };
    rows.push({ label: '', name: 'floor: one input, echoed', rate, ...floor, lt: r.lt, floor: null });
    await measureApp(browser, server.origin, '', rate, KEYSTROKES, rows, floor);
    if (baseline) await measureApp(browser, baseline.origin, 'baseline', rate, BASELINE_KEYSTROKES, rows, floor);
  }
  print(rows);
  console.log(`(${KEYSTROKES} keystrokes a case after ${WARMUP} to warm up, ${PASTES} pastes; ${((Date.now() - started) / 1000).toFixed(0)} s)`);
} finally {
  await browser.close();
  await server.close();
  await baseline?.close();
}
