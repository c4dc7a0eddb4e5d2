// Issue 10, item 1: diagnostics name servers by their card's number ("Server 1"), in the page
// and in Copy as Markdown; paths keep the JSON index (MasterSlaveBackendServers[0]).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { Playground } from '../lib/playground.mjs';

let session;
before(async () => (session = await Playground.start()));
after(async () => session?.close());

test('server numbers in the prose match the cards', async () => {
  const p = await session.open();
  await p.page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await p.serverField(1, 'ServerId').fill(' ');
  const item = p.diagnostics.getByRole('listitem').filter({ hasText: 'BACKEND_SERVER_ID_CAN_NOT_EMPTY' });
  await item.waitFor();
  assert.match(await item.locator('.detail').textContent(), /^Server 1 has a blank ServerId/);
  assert.equal(await item.locator('.path').textContent(), 'MasterSlaveBackendServers[0].ServerId');
  assert.ok(await p.server(1).isVisible());

  await p.page.getByRole('button', { name: 'Copy as Markdown' }).click();
  const md = await p.page.evaluate(() => navigator.clipboard.readText());
  assert.match(md, /`MasterSlaveBackendServers\[0\]\.ServerId`: .*Server 1 has a blank ServerId/);
  assert.doesNotMatch(md, /Server 0/);
  assert.deepEqual(p.errors, []);
});
