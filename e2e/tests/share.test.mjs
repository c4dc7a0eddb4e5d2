// The state lives in the fragment: a link restores the page exactly, and the back button works.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { Playground } from '../lib/playground.mjs';

let session;
before(async () => (session = await Playground.start()));
after(async () => session?.close());

test('share link round trip and history', async () => {
  const p = await session.open();
  await p.field('RegionId').fill('cn-shanghai');
  await p.field('MasterSlaveServerGroupName').fill('web 组 #1 & co');
  await p.serverField(2, 'Port').fill('0');
  await p.tab('XML').click();
  await p.page.waitForFunction(() => location.hash.includes('f=xml'));
  const link = p.page.url();
  assert.match(new URL(link).hash, /^#v1\./);

  const q = await session.open(link.slice(p.origin.length));
  assert.equal(await q.field('RegionId').inputValue(), 'cn-shanghai');
  assert.equal(await q.field('MasterSlaveServerGroupName').inputValue(), 'web 组 #1 & co');
  assert.equal(await q.serverField(2, 'Port').inputValue(), '0');
  assert.equal(await q.raw.inputValue(), await p.raw.inputValue());
  assert.equal(await q.tab('XML').getAttribute('aria-selected'), 'true');
  assert.deepEqual(await q.codes(), await p.codes());

  // An example load is a history entry: back restores what was there.
  await q.loadExample('BACKEND_SERVERS_NUM_MUST_BE_TWO');
  await q.server(2).waitFor({ state: 'detached' });
  await q.page.goBack();
  await q.server(2).waitFor();
  assert.equal(await q.field('RegionId').inputValue(), 'cn-shanghai');
  assert.equal(await q.serverField(2, 'Port').inputValue(), '0');
  await q.page.goForward();
  await q.server(2).waitFor({ state: 'detached' });
  assert.deepEqual(p.errors, []);
  assert.deepEqual(q.errors, []);
});
