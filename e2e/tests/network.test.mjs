// No request leaves the page: only its own files load, and the CSP forbids connections.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { Playground } from '../lib/playground.mjs';
import { DIST } from '../lib/server.mjs';

let session;
before(async () => (session = await Playground.start()));
after(async () => session?.close());

test('no network request but the page files', async () => {
  const p = await session.open();
  await p.loadExample('API reference example (as published)');
  await p.diagnostics.getByRole('button', { name: /^Fix: / }).click();
  await p.tab('XML').click();
  await p.page.getByRole('button', { name: 'Copy as Markdown' }).click();

  const files = new Set(readdirSync(DIST));
  for (const url of p.requests) {
    if (url.startsWith('data:')) continue;
    const u = new URL(url);
    assert.equal(u.origin, p.origin, url);
    const name = u.pathname.slice(1);
    assert.ok(name === '' || files.has(name), `not a dist file: ${url}`);
  }
  const csp = await p.page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  assert.match(csp, /connect-src 'none'/);
  const blocked = await p.page.evaluate(async () => {
    try {
      await fetch('/index.html');
      return false;
    } catch {
      return true;
    }
  });
  assert.equal(blocked, true, 'fetch() is refused by the Content-Security-Policy');
  // Nothing else (the CSP's own report of the refused fetch aside) went to the console.
  assert.deepEqual(p.errors.filter((e) => !e.includes('Content Security Policy') && !e.includes('Failed to fetch')), []);
});
