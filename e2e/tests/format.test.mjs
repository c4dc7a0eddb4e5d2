// The XML and JSON tabs switch the body and the request's Format parameter.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { Playground } from '../lib/playground.mjs';

let session;
before(async () => (session = await Playground.start()));
after(async () => session?.close());

test('switch XML and JSON', async () => {
  const p = await session.open();
  assert.equal(await p.tab('JSON').getAttribute('aria-selected'), 'true');
  await p.tab('XML').click();
  await p.page.waitForFunction(() => document.querySelector('pre.body').textContent.startsWith('<?xml'));
  assert.match(await p.responseBody.textContent(), /<CreateMasterSlaveServerGroupResponse>/);
  assert.match(await p.requestUrl.inputValue(), /Format=XML/);
  assert.equal(await p.tab('XML').getAttribute('aria-selected'), 'true');
  assert.match(p.hash(), /f=xml/);

  // The documented shape, then the keyboard back to JSON.
  await p.page.getByLabel('Shape').selectOption('documented');
  await p.page.waitForFunction(() => document.querySelector('pre.body').textContent.includes('<CreateMasterSlaveServerGroup>'));
  await p.tab('XML').focus();
  await p.page.keyboard.press('ArrowLeft');
  await p.page.waitForFunction(() => document.querySelector('pre.body').textContent.trimStart().startsWith('{'));
  assert.match(await p.requestUrl.inputValue(), /Format=JSON/);
  assert.equal(await p.tab('JSON').evaluate((el) => el === document.activeElement), true);
  assert.deepEqual(p.errors, []);
});
