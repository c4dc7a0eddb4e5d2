// Cold load to a ready page, the playground beside swagger-ui-dist serving the same one
// operation (bench/openapi.json), in one run: a fresh browser context per load (nothing cached,
// nothing stored), the two pages alternating, at 1x and 4x CPU throttling (CDP
// Emulation.setCPUThrottlingRate). Prints median and p95 of each and the ratio of the medians.
// A benchmark: no assertion on time.
//
// Ready is measured in the page, from navigation start (performance.now()): the playground when
// its verdict says "Valid" (the default request checked), swagger-ui when the operation's block
// is rendered. Both are served by lib/server.mjs from 127.0.0.1, uncompressed, `no-store`.
//
// usage: node bench/coldload.mjs            (RUNS=25, THROTTLE=1,4)
//        BASELINE=<dir> node bench/coldload.mjs   also loads another build of dist/ (before/after)
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launch } from '../lib/browser.mjs';
import { DIST, startServer } from '../lib/server.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const RUNS = Number(process.env.RUNS ?? 25);
const THROTTLE = (process.env.THROTTLE ?? '1,4').split(',').map(Number);

// swagger-ui-dist (e2e/package.json), its bundle and stylesheet, with the document inline (no
// fetch, as the playground makes none).
const swaggerDir = join(here, '../node_modules/swagger-ui-dist');
const swaggerVersion = JSON.parse(readFileSync(join(swaggerDir, 'package.json'), 'utf8')).version;
const spec = readFileSync(join(here, 'openapi.json'), 'utf8');
const swagger = {
  '/swagger/': [
    'text/html; charset=utf-8',
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>CreateMasterSlaveServerGroup</title>
<link rel="stylesheet" href="swagger-ui.css"></head>
<body><div id="swagger-ui"></div><script src="swagger-ui-bundle.js"></script><script src="init.js"></script></body></html>`,
  ],
  '/swagger/swagger-ui.css': ['text/css; charset=utf-8', readFileSync(join(swaggerDir, 'swagger-ui.css'))],
  '/swagger/swagger-ui-bundle.js': ['text/javascript; charset=utf-8', readFileSync(join(swaggerDir, 'swagger-ui-bundle.js'))],
  '/swagger/init.js': [
    'text/javascript; charset=utf-8',
    `window.ui = SwaggerUIBundle({ spec: ${spec}, dom_id: '#swagger-ui', deepLinking: false });`,
  ],
};

// Records, from navigation start, when `ready()` first holds (checked on every DOM change).
const watch = (ready) => `(() => {
  const ready = ${ready};
  const check = () => {
    if (window.__readyAt === undefined && ready()) window.__readyAt = performance.now();
  };
  new MutationObserver(check).observe(document, { childList: true, subtree: true, characterData: true });
})();`;

const PAGES = [
  { name: 'playground', path: '/', ready: () => /^Valid/.test(document.querySelector('.summary')?.textContent ?? '') },
  { name: `swagger-ui-dist ${swaggerVersion}`, path: '/swagger/', ready: () => !!document.querySelector('.opblock-summary-path') },
];

const servers = [await startServer({ dir: DIST, extra: swagger })];
if (process.env.BASELINE) {
  servers.push(await startServer({ dir: resolve(process.env.BASELINE) }));
  PAGES.push({ ...PAGES[0], name: `playground (${process.env.BASELINE})`, server: 1 });
}

const stats = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const at = (q) => s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)];
  return { median: at(0.5), p95: at(0.95) };
};
const ms = (x) => `${x.toFixed(1)} ms`.padStart(10);

const browser = await launch();
try {
  for (const rate of THROTTLE) {
    const times = PAGES.map(() => []);
    // One load to warm the browser process (not the pages: every load has a fresh context).
    for (let run = -1; run < RUNS; run++) {
      for (const [i, p] of PAGES.entries()) {
        const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
        const page = await context.newPage();
        if (rate !== 1) {
          const cdp = await context.newCDPSession(page);
          await cdp.send('Emulation.setCPUThrottlingRate', { rate });
        }
        await page.addInitScript(watch(p.ready.toString()));
        await page.goto(servers[p.server ?? 0].origin + p.path);
        await page.waitForFunction(() => window.__readyAt !== undefined, null, { timeout: 60_000, polling: 50 });
        const t = await page.evaluate(() => window.__readyAt);
        if (run >= 0) times[i].push(t);
        await context.close();
      }
    }
    console.log(`cold load to ready, ${RUNS} runs each, CPU ${rate}x:`);
    const med = [];
    for (const [i, p] of PAGES.entries()) {
      const { median, p95 } = stats(times[i]);
      med.push(median);
      console.log(`  ${p.name.padEnd(40)} median ${ms(median)}   p95 ${ms(p95)}`);
    }
    console.log(`  swagger-ui-dist / playground (medians): ${(med[1] / med[0]).toFixed(2)}x`);
    if (med[2] !== undefined) console.log(`  baseline / playground (medians): ${(med[2] / med[0]).toFixed(2)}x`);
  }
} finally {
  await browser.close();
  for (const s of servers) await s.close();
}
