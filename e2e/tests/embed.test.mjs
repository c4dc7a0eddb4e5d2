// ?embed shows the chosen parts without the site header and tells the parent page the content's
// height, growing and shrinking; the Embed button gives the iframe snippet.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { Playground } from '../lib/playground.mjs';

const host = (query) => `<!doctype html><meta charset="utf-8"><title>host</title><link rel="icon" href="data:,">
<body><h1>Docs page</h1><iframe id="f" src="/?${query}#v1.r=cn-hangzhou&amp;lb=lb-bp1hv944r69al4j9jkmvx&amp;s=%5B%5D" style="width:420px;height:100px;border:0"></iframe>
<script>window.heights=[];addEventListener('message',e=>{if(e.data&&e.data.type==='slb-msgroup:height'){heights.push(e.data.height);document.getElementById('f').style.height=e.data.height+'px'}})</script>`;

let session;
before(async () => (session = await Playground.start({
  extra: {
    '/host.html': ['text/html; charset=utf-8', host('embed')],
    '/host-parts.html': ['text/html; charset=utf-8', host('embed&amp;show=diagnostics,response')],
  },
})));
after(async () => session?.close());

test('the embed snippet', async () => {
  const p = await session.open('/');
  await p.page.getByRole('button', { name: 'Embed', exact: true }).click();
  const snippet = await p.page.getByLabel('Embed snippet').inputValue();
  assert.match(snippet, /<iframe src="http:\/\/127\.0\.0\.1:\d+\/\?embed&amp;show=form,diagnostics,request,response#v1\./);
  assert.match(snippet, /slb-msgroup:height/);
  assert.deepEqual(p.errors, []);
});

test('embed mode: no header, all but the snippets, the height both ways', async () => {
  const p = await session.open('/');
  const page = p.page;
  await page.goto(`${p.origin}/host.html`);
  const frame = page.frameLocator('#f');
  const diagnostics = frame.getByRole('region', { name: 'Diagnostics' });
  await diagnostics.getByText('BACKEND_SERVERS_NUM_MUST_BE_TWO', { exact: true }).waitFor();
  await page.waitForFunction(() => window.heights.length > 0 && window.heights.at(-1) > 300);
  // No site chrome in the frame: no header, no toolbar, no footer.
  assert.equal(await frame.locator('header, footer').count(), 0);
  assert.equal(await frame.getByRole('button', { name: 'Examples' }).count(), 0);
  assert.equal(await frame.getByRole('heading', { name: 'Request parameters' }).count(), 1);
  assert.equal(await frame.getByRole('heading', { name: 'Response' }).count(), 1);
  assert.equal(await frame.getByRole('heading', { name: 'Code snippets' }).count(), 0);
  // The frame grows with its content, and shrinks with it.
  const start = await page.evaluate(() => window.heights.at(-1));
  const add = frame.getByRole('button', { name: 'Add server', exact: true });
  await add.click();
  await add.click();
  await page.waitForFunction((h) => window.heights.at(-1) > h, start);
  const grown = await page.evaluate(() => window.heights.at(-1));
  await p.screenshot('embed-before-shrinking');
  await frame.getByRole('button', { name: 'Remove Server 2' }).click();
  await frame.getByRole('button', { name: 'Remove Server 1' }).click();
  await page.waitForFunction((h) => window.heights.at(-1) < h, grown);
  // Back to no cards: the height it started with, give or take the status line ("Removed …").
  await page.waitForFunction((h) => window.heights.at(-1) <= h + 40, start);
  // The reported height is the content's: the frame shows it all, without scrolling.
  const inner = await frame.locator('.app').evaluate((el) => [el.getBoundingClientRect().height, document.documentElement.scrollHeight, innerHeight]);
  assert.ok(Math.abs(inner[0] - (await page.evaluate(() => window.heights.at(-1)))) <= 1, String(inner));
  assert.ok(inner[1] <= inner[2] + 1, `the frame scrolls: ${inner}`);
  await p.screenshot('embed-after-shrinking');
  assert.deepEqual(p.errors, []);
});

test('embed with chosen parts', async () => {
  const p = await session.open('/');
  const page = p.page;
  await page.goto(`${p.origin}/host-parts.html`);
  const frame = page.frameLocator('#f');
  await frame.getByRole('region', { name: 'Diagnostics' }).getByText('BACKEND_SERVERS_NUM_MUST_BE_TWO', { exact: true }).waitFor();
  assert.equal(await frame.getByRole('heading', { name: 'Request parameters' }).count(), 0);
  assert.equal(await frame.getByRole('heading', { name: 'Request', exact: true }).count(), 0);
  assert.equal(await frame.getByRole('heading', { name: 'Response' }).count(), 1);
  await page.waitForFunction(() => window.heights.length > 0);
  assert.deepEqual(p.errors, []);
});
