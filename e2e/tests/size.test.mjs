// Everything the page loads, gzipped, stays within 300 KB. Prints the figures.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { gzipSync } from 'node:zlib';
import { Playground } from '../lib/playground.mjs';

const BUDGET = 300 * 1024;

let session;
before(async () => (session = await Playground.start()));
after(async () => session?.close());

test('page weight budget', async () => {
  const server = session.server;
  const context = await session.browser.newContext();
  const page = await context.newPage();
  const bodies = [];
  page.on('response', async (r) => {
    if (!r.url().startsWith('data:')) bodies.push(r.body().then((b) => [r.url(), b]));
  });
  await page.goto(server.origin + '/');
  await page.getByRole('region', { name: 'Diagnostics' }).waitFor();
  let raw = 0;
  let gzip = 0;
  for (const [url, body] of await Promise.all(bodies)) {
    const z = gzipSync(body, { level: 9 }).length;
    raw += body.length;
    gzip += z;
    console.log(`  ${new URL(url).pathname.padEnd(48)} ${String(body.length).padStart(9)} B  gzip ${String(z).padStart(8)} B`);
  }
  console.log(`page total: ${raw} B raw, ${gzip} B gzip (${(gzip / 1024).toFixed(1)} KiB; budget ${BUDGET / 1024} KiB)`);
  assert.ok(gzip <= BUDGET, `the page loads ${gzip} B gzipped, over the ${BUDGET} B budget`);
  await context.close();
});
