// The "Check a request" view: a captured request checked offline, the signature steps side by
// side with the first difference marked, "Load into the form"; what is pasted and the secret
// never reach the link, storage or the history.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { Playground } from '../lib/playground.mjs';

// Signed with the test key testid / testsecret (core/tests/fixtures/captures/README.md).
const CAPTURE = readFileSync(
  new URL('../../core/tests/fixtures/captures/pop-core-get.http', import.meta.url),
  'utf8',
);
const SECRET = 'testsecret';
const WRONG = 'Wr0ngSecretValue-4c3b';
const SIGNATURE = '2aG4U10XJ';
// Within the capture's 15 minutes (its Timestamp is 2026-12-06T19:14:37Z).
const NOW = '2026-12-06T19:16:00Z';

let session;
before(async () => (session = await Playground.start()));
after(async () => session?.close());

test('a captured request is checked, compared and loaded into the form, and never stored', async () => {
  const p = await session.open('/', { clock: NOW });
  const build = p.viewTab('Build a request');
  const check = p.viewTab('Check a request');
  assert.equal(await build.getAttribute('aria-selected'), 'true');
  assert.equal(await check.getAttribute('aria-selected'), 'false');

  // The tabs follow the keyboard (arrows move and select).
  await build.focus();
  await p.page.keyboard.press('ArrowRight');
  assert.equal(await check.getAttribute('aria-selected'), 'true');
  assert.equal(await p.page.evaluate(() => document.activeElement.id), 'tab-check');
  assert.equal(await p.page.locator('#view-build').isHidden(), true);

  await p.field('Captured request').fill(CAPTURE);
  const summary = p.checkVerdict.locator('.summary');
  await p.page.waitForFunction(() => /not verified/.test(document.querySelector('.check-steps')?.textContent));
  await p.field('AccessKeySecret to verify with').fill(SECRET);
  await assert.doesNotReject(() => summary.filter({ hasText: /^Accepted/ }).waitFor({ timeout: 5000 }));
  assert.match(await p.signatureSteps.textContent(), /verified/);

  // Another secret: the status the service answers, and the signatures marked where they differ.
  await p.field('AccessKeySecret to verify with').fill(WRONG);
  await summary.filter({ hasText: /SignatureDoesNotMatch/ }).waitFor({ timeout: 5000 });
  assert.match(await summary.textContent(), /HTTP 400/);
  assert.match(await p.checkVerdict.locator('.code').first().textContent(), /SignatureDoesNotMatch/);
  assert.ok((await p.signatureSteps.locator('mark.diff').count()) >= 2);

  // A client's string-to-sign that differs: both strings shown, the first difference marked.
  const ours = await p.signatureSteps
    .locator('.step', { has: p.page.getByRole('heading', { name: 'String to sign', exact: true }) })
    .locator('pre')
    .textContent();
  assert.ok(ours.startsWith('GET&%2F&'), ours);
  await p.field("String-to-sign your client logged, or the service's error message (optional)").fill(
    ours.replace('GET', 'POST'),
  );
  await p.signatureSteps.getByText(/First difference at byte 0/).waitFor({ timeout: 5000 });
  const marks = await p.signatureSteps.locator('.side').first().locator('mark.diff').allTextContents();
  assert.deepEqual(marks, ['G', 'P']);
  // Only text: nothing pasted became markup.
  assert.equal(await p.page.locator('#view-check script, #view-check img').count(), 0);

  await p.page.getByRole('button', { name: 'Load into the form', exact: true }).click();
  assert.equal(await build.getAttribute('aria-selected'), 'true');
  assert.equal(await p.field('LoadBalancerId').inputValue(), 'lb-bp1hv944r69al4j9jkmvx');
  assert.equal(await p.field('RegionId').inputValue(), 'cn-hangzhou');
  assert.equal(await p.field('MasterSlaveServerGroupName').inputValue(), 'Group 1*~');
  assert.match(await p.raw.inputValue(), /i-bp1fq61enf4loa5i0002/);
  await p.page.waitForFunction(() => location.hash.includes('lb-bp1hv944r69al4j9jkmvx'));

  // Back in the check view, the request is still there (memory), and nothing of it was stored.
  await check.click();
  // (A textarea's value has LF line ends.)
  assert.equal(await p.field('Captured request').inputValue(), CAPTURE.replace(/\r\n/g, '\n'));
  const kept = await p.page.evaluate(() =>
    JSON.stringify([location.href, { ...localStorage }, { ...sessionStorage }, history.state, document.cookie]),
  );
  for (const needle of [SECRET, WRONG, SIGNATURE, 'x-sdk-client', CAPTURE.split('\r\n')[0], ours]) {
    assert.ok(!kept.includes(needle), `${needle} in ${kept}`);
    assert.ok(!kept.includes(encodeURIComponent(needle)), `${needle} (encoded) in ${kept}`);
  }
  assert.deepEqual(p.errors, []);
});
