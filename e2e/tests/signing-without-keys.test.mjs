// Issue 10, item 2: a link made with v1 or v3 signing (the AccessKey is never in it), or v1/v3
// chosen before the keys are typed, shows the unsigned URL and a hint to enter the keys.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { Playground } from '../lib/playground.mjs';

let session;
before(async () => (session = await Playground.start()));
after(async () => session?.close());

for (const version of ['v1', 'v3']) {
  test(`a ${version} link opens with the unsigned URL`, async () => {
    const p = await session.open(`/#v1.r=cn-hangzhou&lb=lb-bp1hv944r69al4j9jkmvx&s=%5B%5D&sig=${version}`);
    const url = await p.requestUrl.inputValue();
    assert.match(url, /^https:\/\/slb\.aliyuncs\.com\/\?.*Action=CreateMasterSlaveServerGroup/);
    assert.doesNotMatch(url, /Signature=/);
    const note = p.page.locator('#request-note');
    assert.match(await note.textContent(), new RegExp(`enter AccessKeyId and AccessKeySecret.*${version}`));
    assert.equal(await p.requestUrl.getAttribute('aria-describedby'), 'request-note');
    assert.deepEqual(p.errors, []);
  });
}

test('choosing v3 before the keys, then typing them, signs', async () => {
  const p = await session.open();
  await p.page.getByText('Sign the request (optional)').click();
  await p.page.getByLabel('Signature', { exact: true }).selectOption('v3');
  await p.page.locator('#request-note').waitFor();
  assert.match(await p.requestUrl.inputValue(), /^https:\/\/slb\.aliyuncs\.com\/\?/);
  await p.field('AccessKeyId').fill('LTAI5tTestAccessKeyId');
  await p.field('AccessKeySecret').fill('secret-value');
  await p.page.locator('#request-note').waitFor({ state: 'detached' });
  assert.match(await p.page.locator('#request-h ~ .out-head .badge').textContent(), /POST · signed/);
  assert.deepEqual(p.errors, []);
});
