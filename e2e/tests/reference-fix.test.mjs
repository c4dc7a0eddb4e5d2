// The API reference's example, as published, misses a comma: the raw text is kept as typed, the
// cards keep their last good state, the diagnostic selects the span, and its fix repairs it.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { Playground } from '../lib/playground.mjs';

let session;
before(async () => (session = await Playground.start()));
after(async () => session?.close());

test('the reference example and its fix', async () => {
  const p = await session.open();
  await p.loadExample('API reference example (as published)');
  await p.diagnostics.getByText('InvalidParameter', { exact: true }).waitFor();
  const raw = await p.raw.inputValue();
  assert.match(raw, /'Weight':'100''ServerType':'Slave'/);
  // The cards keep the last list that parsed.
  assert.equal(await p.servers.count(), 2);
  assert.ok(await p.page.locator('.backdrop mark.err').count() >= 1, 'the error is underlined');

  // Clicking the code selects the span in the raw editor.
  await p.diagnostics.getByRole('button', { name: 'InvalidParameter', exact: true }).click();
  const selection = await p.raw.evaluate((el) => [el.selectionStart, el.selectionEnd, document.activeElement === el]);
  assert.equal(selection[2], true);
  assert.equal(selection[0], raw.indexOf("'ServerType':'Slave'"));

  await p.diagnostics.getByRole('button', { name: /^Fix: / }).click();
  await p.diagnostics.getByText('InvalidParameter', { exact: true }).waitFor({ state: 'detached' });
  assert.match(await p.raw.inputValue(), /'Weight':'100','ServerType':'Slave'/);
  assert.match(await p.summary(), /^Valid/);
  assert.deepEqual(p.errors, []);
});
