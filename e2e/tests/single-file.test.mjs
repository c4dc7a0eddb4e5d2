// Issue 10, item 6: `cargo xtask build --single-file` makes dist/slb-msgroup.html, the whole
// page in one file with the same Content-Security-Policy. Opened from file:// it works and asks
// for nothing: no other file, no connection.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { launch } from '../lib/browser.mjs';
import { Playground } from '../lib/playground.mjs';
import { DIST } from '../lib/server.mjs';

const FILE = join(DIST, 'slb-msgroup.html');

let browser;
before(async () => (browser = await launch()));
after(async () => browser?.close());

test('the single file has the page CSP and nothing beside it', () => {
  assert.ok(existsSync(FILE), `${FILE} (cargo xtask build --single-file)`);
  const html = readFileSync(FILE, 'utf8');
  const index = readFileSync(join(DIST, 'index.html'), 'utf8');
  const policy = (text) => text.match(/http-equiv="Content-Security-Policy"\s+content="([^"]*)"/)[1];
  const directives = (p) => p.split(';').map((d) => d.trim().replace(/ 'sha256-[^']+'/g, ''));
  assert.deepEqual(directives(policy(html)), directives(policy(index)), 'the same policy, hashes aside');
  assert.match(policy(html), /script-src [^;]*'sha256-/);
  assert.match(policy(html), /connect-src 'none'/);
  assert.doesNotMatch(html, /\b(src|href)="(?!data:|#)/);
  console.log(`  single file: ${statSync(FILE).size} bytes`);
});

test('it works from file://', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const p = new Playground(page, 'file://');
  await page.goto(pathToFileURL(FILE).href);
  await p.ready();
  assert.match(await p.summary(), /^Valid/);
  await p.serverField(1, 'Port').fill('70000');
  await p.diagnostics.getByText('RealServerPortNotSupport', { exact: true }).waitFor();
  assert.match(await p.requestUrl.inputValue(), /^https:\/\/slb\.aliyuncs\.com\/\?/);
  // The check engine, inlined too, loads when its view opens.
  await p.viewTab('Check a request').click();
  await p.field('Captured request').fill('hello');
  await p.checkVerdict.locator('.summary').filter({ hasText: /^Not checked: the text is not a request/ }).waitFor();
  await p.viewTab('Build a request').click();
  // Reloading works too (offline by construction: there is nothing else to load).
  await page.reload();
  await p.ready();
  for (const url of p.requests) {
    assert.ok(url === pathToFileURL(FILE).href || url.startsWith('data:') || url.startsWith(pathToFileURL(FILE).href + '#'), url);
  }
  assert.deepEqual(p.errors, []);
  await context.close();
});
