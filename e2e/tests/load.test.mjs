// The page opens with a valid example: two server cards, no diagnostics, a URL and a 200 body.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { Playground } from '../lib/playground.mjs';

let session;
before(async () => (session = await Playground.start()));
after(async () => session?.close());

test('loads with a valid example', async () => {
  const p = await session.open();
  assert.match(await p.summary(), /^Valid/);
  assert.deepEqual(await p.codes(), []);
  assert.equal(await p.servers.count(), 2);
  for (const name of ['RegionId', 'LoadBalancerId', 'MasterSlaveServerGroupName']) {
    assert.ok(await p.field(name).isVisible(), name);
  }
  for (const name of ['ServerId', 'Port', 'Weight', 'ServerType', 'Type', 'Description', 'ServerIp']) {
    assert.ok(await p.serverField(1, name).isVisible(), name);
  }
  assert.equal(await p.field('RegionId').inputValue(), 'cn-hangzhou');
  assert.equal(await p.serverField(1, 'ServerId').inputValue(), 'vm-233');
  assert.equal(await p.serverField(2, 'ServerType').inputValue(), 'Slave');
  const url = await p.requestUrl.inputValue();
  assert.match(url, /^https:\/\/slb\.aliyuncs\.com\/\?/);
  assert.match(url, /Action=CreateMasterSlaveServerGroup/);
  assert.match(await p.responseBody.textContent(), /"MasterSlaveServerGroupId": ?"rsp-/);
  assert.equal(await p.diagnostics.getAttribute('aria-live'), 'polite');
  assert.match(p.hash(), /^#v1\./);
  assert.deepEqual(p.errors, []);
});
