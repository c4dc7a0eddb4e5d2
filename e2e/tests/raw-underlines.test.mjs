// Issue 13: the raw editor underlines a diagnostic's span; its underline layer holds the text
// only up to the last span, and a span over the whole list is the editor's outline instead.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { Playground } from '../lib/playground.mjs';
import { linkTo, serverList } from '../bench/lists.mjs';

let session;
before(async () => (session = await Playground.start()));
after(async () => session?.close());

test('a long list: the bad port underlined, the count in the outline', async () => {
  const p = await session.open(linkTo(serverList(1000, { port: '0' })));
  assert.deepEqual(await p.page.locator('.backdrop mark').allTextContents(), ['"0"']);
  assert.equal(
    await p.page.locator('.backdrop .layer').textContent(),
    '[{"ServerId":"i-srv0001","Port":"0"',
  );
  assert.equal(await p.raw.getAttribute('aria-invalid'), 'true');
  // Fixed: nothing underlined; the count still outlines the editor.
  await p.serverField(1, 'Port').fill('8000');
  await p.page.locator('.backdrop mark').waitFor({ state: 'detached' });
  assert.equal(await p.page.locator('.backdrop .layer').textContent(), '');
  assert.equal(await p.raw.getAttribute('aria-invalid'), 'true');
  assert.deepEqual(p.errors, []);
});
