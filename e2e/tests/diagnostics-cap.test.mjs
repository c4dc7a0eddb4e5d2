// Issue 13: the diagnostics list shows the first 20 and says how many more there are; the
// summary counts them all.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { Playground } from '../lib/playground.mjs';
import { linkTo } from '../bench/lists.mjs';

let session;
before(async () => (session = await Playground.start()));
after(async () => session?.close());

test('twenty diagnostics listed, then "N more"', async () => {
  // 25 servers on port 0: the count, and one port error each.
  const entries = Array.from({ length: 25 }, (_, i) => `{"ServerId":"i-${i + 1}","Port":"0"}`);
  const p = await session.open(linkTo(`[${entries.join(',')}]`));
  assert.equal(await p.summary(), '26 errors, 0 warnings. The first error is what the service answers.');
  const codes = await p.codes();
  assert.equal(codes.length, 20);
  assert.equal(codes[0], 'BACKEND_SERVERS_NUM_MUST_BE_TWO');
  assert.deepEqual(new Set(codes.slice(1)), new Set(['RealServerPortNotSupport']));
  assert.equal(await p.diagnostics.locator('#more-diags').textContent(), '6 more diagnostics are not listed.');
  // A field is described only by a listed diagnostic; one beyond them still marks it invalid.
  assert.equal(await p.serverField(2, 'Port').getAttribute('aria-describedby'), 'diag-2-detail');
  // Server 20's port error is the 21st diagnostic: its card is shown (one of the ten beyond the
  // first ten that a diagnostic is about), invalid, and described by nothing off the page.
  assert.equal(await p.servers.count(), 20);
  assert.equal(await p.page.locator('#more-cards').textContent(), '5 more servers are not shown as cards: edit them in the raw text below.');
  assert.equal(await p.serverField(20, 'Port').getAttribute('aria-invalid'), 'true');
  assert.equal(await p.serverField(20, 'Port').getAttribute('aria-describedby'), null);

  // One fixed: one fewer.
  await p.serverField(1, 'Port').fill('80');
  await p.diagnostics.getByText('5 more diagnostics are not listed.', { exact: true }).waitFor();
  assert.equal(await p.summary(), '25 errors, 0 warnings. The first error is what the service answers.');
  assert.deepEqual(p.errors, []);
});

test('a short list: no "more" line', async () => {
  const p = await session.open();
  assert.equal(await p.diagnostics.locator('#more-diags').count(), 0);
});
