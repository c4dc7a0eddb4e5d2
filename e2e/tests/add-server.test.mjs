// Adding a third server is BACKEND_SERVERS_NUM_MUST_BE_TWO; removing it is valid again.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { Playground } from '../lib/playground.mjs';

let session;
before(async () => (session = await Playground.start()));
after(async () => session?.close());

test('add a third server', async () => {
  const p = await session.open();
  await p.page.getByRole('button', { name: 'Add server', exact: true }).click();
  await p.server(3).waitFor();
  assert.equal(await p.servers.count(), 3);
  assert.ok((await p.codes()).includes('BACKEND_SERVERS_NUM_MUST_BE_TWO'));
  assert.equal(await p.serverField(3, 'ServerId').inputValue(), 'i-server3');
  assert.equal((await p.raw.inputValue()).match(/ServerId/g).length, 3);

  await p.server(3).getByRole('button', { name: 'Remove Server 3' }).click();
  await p.server(3).waitFor({ state: 'detached' });
  assert.match(await p.summary(), /^Valid/);

  // Swap roles: the Master becomes the Slave.
  await p.page.getByRole('button', { name: 'Swap roles', exact: true }).click();
  await p.page.waitForFunction(() => document.getElementById('s0-ServerType').value === 'Slave');
  assert.equal(await p.serverField(2, 'ServerType').inputValue(), 'Master');
  assert.deepEqual(p.errors, []);
});
