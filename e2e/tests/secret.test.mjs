// The AccessKeySecret signs the URL but never reaches the link, storage or the console.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { Playground } from '../lib/playground.mjs';

let session;
before(async () => (session = await Playground.start()));
after(async () => session?.close());

const ID = 'LTAI5tTestAccessKeyId';
const SECRET = 'Sup3rSecretValue-9f8e7d';

test('the secret never leaves memory', async () => {
  const p = await session.open();
  const logs = [];
  p.page.on('console', (m) => logs.push(m.text()));
  await p.page.getByText('Sign the request (optional)').click();
  const secret = p.field('AccessKeySecret');
  assert.equal(await secret.getAttribute('type'), 'password');
  await p.field('AccessKeyId').fill(ID);
  await secret.fill(SECRET);
  await p.field('Timestamp').fill('2026-01-02T03:04:05Z');
  await p.page.waitForFunction(() => document.getElementById('request-url').value.includes('Signature='));
  // Interact some more so the fragment is rewritten after the secret was typed.
  await p.serverField(1, 'Port').fill('81');
  await p.page.waitForFunction(() => location.hash.includes('81'));

  const url = p.page.url();
  assert.ok(!url.includes(SECRET) && !url.includes(encodeURIComponent(SECRET)), url);
  assert.ok(!url.includes(ID), url);
  const stored = await p.page.evaluate(() => JSON.stringify([{ ...localStorage }, { ...sessionStorage }, document.cookie]));
  assert.ok(!stored.includes(SECRET), stored);
  assert.ok(!stored.includes(ID), stored);
  const history = await p.page.evaluate(() => JSON.stringify(history.state));
  assert.ok(!String(history).includes(SECRET));
  assert.ok(!logs.join('\n').includes(SECRET));

  // A reload (the link alone) brings no credentials back.
  await p.page.reload();
  await p.ready();
  assert.equal(await p.field('AccessKeySecret').inputValue(), '');
  assert.doesNotMatch(await p.requestUrl.inputValue(), /Signature=/);
  assert.deepEqual(p.errors, []);
});
