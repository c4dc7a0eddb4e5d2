// ?embed shows the compact view and tells the parent page its height; the Embed button gives
// the iframe snippet.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { Playground } from '../lib/playground.mjs';

const HOST = `<!doctype html><meta charset="utf-8"><title>host</title><link rel="icon" href="data:,">
<body><h1>Docs page</h1><iframe id="f" src="/?embed#v1.r=cn-hangzhou&amp;lb=lb-bp1hv944r69al4j9jkmvx&amp;s=%5B%5D" style="width:420px;height:100px;border:0"></iframe>
<script>window.heights=[];addEventListener('message',e=>{if(e.data&&e.data.type==='slb-msgroup:height'){heights.push(e.data.height);document.getElementById('f').style.height=e.data.height+'px'}})</script>`;

let session;
before(async () => (session = await Playground.start({ extra: { '/host.html': ['text/html; charset=utf-8', HOST] } })));
after(async () => session?.close());

test('embed mode', async () => {
  const p = await session.open('/');
  await p.page.getByRole('button', { name: 'Embed', exact: true }).click();
  const snippet = await p.page.getByLabel('Embed snippet').inputValue();
  assert.match(snippet, /<iframe src="http:\/\/127\.0\.0\.1:\d+\/\?embed#v1\./);
  assert.match(snippet, /slb-msgroup:height/);

  const page = p.page;
  await page.goto(`${p.origin}/host.html`);
  const frame = page.frameLocator('#f');
  const diagnostics = frame.getByRole('region', { name: 'Diagnostics' });
  await diagnostics.getByText('BACKEND_SERVERS_NUM_MUST_BE_TWO', { exact: true }).waitFor();
  await page.waitForFunction(() => window.heights.length > 0 && window.heights.at(-1) > 300);
  // No site chrome in the frame.
  assert.equal(await frame.getByRole('heading', { name: 'CreateMasterSlaveServerGroup playground' }).isVisible(), false);
  // The frame grows with its content: adding a server posts a larger height.
  const before = await page.evaluate(() => window.heights.at(-1));
  await frame.getByRole('button', { name: 'Add server', exact: true }).click();
  await page.waitForFunction((h) => window.heights.at(-1) > h, before);
  assert.deepEqual(p.errors, []);
});
