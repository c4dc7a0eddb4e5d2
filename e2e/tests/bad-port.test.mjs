// Typing a bad port shows RealServerPortNotSupport at once, and fixing it clears it.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { Playground } from '../lib/playground.mjs';

let session;
before(async () => (session = await Playground.start()));
after(async () => session?.close());

test('a bad port appears and clears', async () => {
  const p = await session.open();
  const port = p.serverField(1, 'Port');
  await port.fill('');
  await port.pressSequentially('70000');
  await p.diagnostics.getByText('RealServerPortNotSupport', { exact: true }).waitFor();
  assert.deepEqual(await p.codes(), ['RealServerPortNotSupport']);
  assert.match(await p.raw.inputValue(), /'Port':'70000'/, 'the single quotes of the example stay');
  assert.match(await p.responseBody.textContent(), /RealServerPortNotSupport/);
  // The caret stays in the field while the cards re-render.
  assert.equal(await port.evaluate((el) => el === document.activeElement), true);

  await port.fill('8080');
  await p.diagnostics.getByText('RealServerPortNotSupport').waitFor({ state: 'detached' });
  assert.deepEqual(await p.codes(), []);
  assert.match(await p.summary(), /^Valid/);
  assert.match(await p.responseBody.textContent(), /"Port": ?8080/);
  assert.deepEqual(p.errors, []);
});
