// Issue 13: a long server list shows a window of cards (the first ten, and those further down a
// diagnostic is about) and a line for the rest, which are edited in the raw text.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { Playground } from '../lib/playground.mjs';
import { linkTo, serverList } from '../bench/lists.mjs';

let session;
before(async () => (session = await Playground.start()));
after(async () => session?.close());

const legends = (p) => p.page.locator('.cards legend').allTextContents();
const moreCards = (p) => p.page.locator('#more-cards').textContent();

test('a thousand servers: ten cards and a line for the rest', async () => {
  // Server 500 has a port the service refuses: its card is shown too.
  const list = serverList(1000).replace('{"ServerId":"i-srv0500","Port":"80"', '{"ServerId":"i-srv0500","Port":"0"');
  const p = await session.open(linkTo(list));
  assert.deepEqual(await legends(p), [
    'Server 1', 'Server 2', 'Server 3', 'Server 4', 'Server 5',
    'Server 6', 'Server 7', 'Server 8', 'Server 9', 'Server 10', 'Server 500',
  ]);
  assert.equal(await moreCards(p), '989 more servers are not shown as cards: edit them in the raw text below.');
  assert.equal(await p.serverField(500, 'Port').inputValue(), '0');
  // The raw text holds the whole list, and the URL box the first 4,096 bytes of the URL.
  assert.equal(await p.raw.inputValue(), list);
  assert.equal((await p.requestUrl.inputValue()).length, 4097);
  assert.equal(
    await p.page.locator('#url-shown').textContent(),
    `The URL is ${(98_185).toLocaleString('en')} characters long; the first 4,096 are shown. Copy URL copies all of it.`,
  );

  // "Show 10 more": ten more cards, and the focus on the first of them.
  await p.page.getByRole('button', { name: 'Show 10 more', exact: true }).click();
  await p.server(20).waitFor();
  assert.equal((await legends(p)).length, 21);
  assert.equal(await moreCards(p), '979 more servers are not shown as cards: edit them in the raw text below.');
  assert.equal(await p.page.evaluate(() => document.activeElement?.id), 's10-ServerId');

  // A card edit rewrites the whole list.
  await p.serverField(500, 'Port').fill('8080');
  await p.server(500).waitFor({ state: 'detached' });
  assert.match(await p.raw.inputValue(), /"ServerId":"i-srv0500","Port":"8080"/);
  assert.equal((await p.raw.inputValue()).match(/ServerId/g).length, 1000);
  assert.equal(await moreCards(p), '980 more servers are not shown as cards: edit them in the raw text below.');

  // A server added is shown, however long the list.
  await p.page.getByRole('button', { name: 'Add server', exact: true }).click();
  await p.server(1001).waitFor();
  assert.equal(await p.serverField(1001, 'ServerId').inputValue(), 'i-server1001');
  assert.equal((await legends(p)).length, 21);
  assert.equal(await moreCards(p), '980 more servers are not shown as cards: edit them in the raw text below.');
  assert.deepEqual(p.errors, []);
});

test('two servers: both cards and no line', async () => {
  const p = await session.open();
  assert.deepEqual(await legends(p), ['Server 1', 'Server 2']);
  assert.equal(await p.page.locator('#more-cards').count(), 0);
  assert.equal(await p.page.locator('#url-shown').count(), 0);
});
