// Issue 10, item 3: undo and redo over the whole state (keys and buttons), Reset, Back after
// typing stays in the page, and card edits keep the single quotes the text was written with.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { Playground } from '../lib/playground.mjs';

let session;
before(async () => (session = await Playground.start()));
after(async () => session?.close());

const mod = process.platform === 'darwin' ? 'Meta' : 'Control';

test('undo and redo with the keyboard and the buttons', async () => {
  const p = await session.open();
  const { page } = p;
  const undo = page.getByRole('button', { name: 'Undo', exact: true });
  const redo = page.getByRole('button', { name: 'Redo', exact: true });
  assert.equal(await undo.isDisabled(), true);
  const region = p.field('RegionId');
  await region.fill('');
  await region.pressSequentially('cn-shanghai');
  // Typing in one field is one step; a card edit is another.
  await p.serverField(2, 'Port').fill('91');
  await p.tab('XML').click();
  assert.equal(await undo.isDisabled(), false);

  await page.keyboard.press(`${mod}+z`);
  await page.waitForFunction(() => document.getElementById('tab-json').getAttribute('aria-selected') === 'true');
  await page.keyboard.press(`${mod}+z`);
  assert.equal(await p.serverField(2, 'Port').inputValue(), '90');
  assert.equal(await region.inputValue(), 'cn-shanghai');
  await undo.click();
  assert.equal(await region.inputValue(), 'cn-hangzhou');
  assert.equal(await undo.isDisabled(), true);

  await page.keyboard.press(`${mod}+Shift+z`);
  assert.equal(await region.inputValue(), 'cn-shanghai');
  await redo.click();
  assert.equal(await p.serverField(2, 'Port').inputValue(), '91');
  await page.keyboard.press(`${mod}+Shift+z`);
  await page.waitForFunction(() => document.getElementById('tab-xml').getAttribute('aria-selected') === 'true');
  assert.equal(await redo.isDisabled(), true);
  assert.deepEqual(p.errors, []);
});

test('Reset, and undo of the reset', async () => {
  const p = await session.open();
  const { page } = p;
  await p.loadExample('BACKEND_SERVERS_NUM_MUST_BE_TWO');
  await p.server(2).waitFor({ state: 'detached' });
  await page.getByRole('button', { name: 'Reset', exact: true }).click();
  await p.server(2).waitFor();
  assert.match(await p.summary(), /^Valid/);
  await page.getByRole('button', { name: 'Undo', exact: true }).click();
  await p.server(2).waitFor({ state: 'detached' });
  assert.deepEqual(p.errors, []);
});

test('Back after typing returns to the state before it, in the page', async () => {
  const p = await session.open();
  const { page } = p;
  await p.field('LoadBalancerId').fill('lb-typed');
  await page.waitForFunction(() => location.hash.includes('lb-typed'));
  await page.goBack();
  await page.waitForFunction(() => document.getElementById('LoadBalancerId').value === 'lb-bp1hv944r69al4j9jkmvx');
  assert.equal(new URL(page.url()).origin, p.origin);
  assert.deepEqual(p.errors, []);
});

test('card edits keep the single quotes', async () => {
  const p = await session.open();
  assert.match(await p.raw.inputValue(), /^\[\{'ServerId':'vm-233'/);
  await p.serverField(1, 'Weight').fill('50');
  await p.page.waitForFunction(() => document.getElementById('MasterSlaveBackendServers').value.includes("'Weight':'50'"));
  assert.doesNotMatch(await p.raw.inputValue(), /"/);
  assert.deepEqual(p.errors, []);
});
