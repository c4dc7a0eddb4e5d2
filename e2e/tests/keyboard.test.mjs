// Keyboard only: open the examples, load one, reach its fix and apply it without a mouse.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { Playground } from '../lib/playground.mjs';

let session;
before(async () => (session = await Playground.start()));
after(async () => session?.close());

async function tabTo(page, predicate, max = 200) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate(predicate)) return;
  }
  throw new Error('never reached by Tab');
}

test('keyboard-only use', async () => {
  const p = await session.open();
  const { page } = p;
  await tabTo(page, () => document.activeElement?.textContent === 'Examples');
  await page.keyboard.press('Enter');
  // Escape closes the menu and gives the focus back to it.
  await page.keyboard.press('Tab');
  await page.keyboard.press('Escape');
  assert.equal(await page.evaluate(() => document.querySelector('details.menu').open), false);
  assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Examples');
  await page.keyboard.press('Enter');
  await tabTo(page, () => document.activeElement?.textContent === 'API reference example (as published)');
  await page.keyboard.press('Enter');
  await p.diagnostics.getByText('InvalidParameter', { exact: true }).waitFor();
  await tabTo(page, () => document.activeElement?.textContent?.startsWith('Fix: '));
  await page.keyboard.press('Enter');
  await p.diagnostics.getByText('InvalidParameter', { exact: true }).waitFor({ state: 'detached' });
  assert.match(await p.summary(), /^Valid/);
  // Typing in a card field from the keyboard.
  await p.serverField(2, 'Port').focus();
  await page.keyboard.press('End');
  await page.keyboard.type('0');
  await p.diagnostics.getByText('BACKEND_SERVERS_HAVE_SAME_PORT_AND_SERVERID').waitFor({ state: 'detached' }).catch(() => {});
  assert.equal(await p.serverField(2, 'Port').inputValue(), '900');
  assert.deepEqual(p.errors, []);
});
