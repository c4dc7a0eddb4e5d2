// Issue 10, item 5: focus after Remove, Escape on the Embed dialog, fields marked by their
// diagnostics, the Examples menu at 360 px, long placeholders and options at 1280 px, and the
// Port that Add server writes.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { Playground } from '../lib/playground.mjs';

let session;
before(async () => (session = await Playground.start()));
after(async () => session?.close());

const activeId = (page) => page.evaluate(() => document.activeElement?.id);

test('Remove moves the focus to the next card, then to Add server', async () => {
  const p = await session.open();
  const { page } = p;
  await page.getByRole('button', { name: 'Add server', exact: true }).click();
  await p.server(3).waitFor();
  // Add server writes Port as the other entries do: a string here.
  assert.match(await p.raw.inputValue(), /'ServerId':'i-server3','Port':'80'/);
  await p.server(2).getByRole('button', { name: 'Remove Server 2' }).focus();
  await page.keyboard.press('Enter');
  await p.server(3).waitFor({ state: 'detached' });
  await page.waitForFunction(() => document.activeElement?.id === 's1-ServerId');
  assert.equal(await p.serverField(2, 'ServerId').inputValue(), 'i-server3');
  await p.server(2).getByRole('button', { name: 'Remove Server 2' }).focus();
  await page.keyboard.press('Enter');
  await p.server(2).waitFor({ state: 'detached' });
  await page.waitForFunction(() => document.activeElement?.id === 'add-server');
  assert.deepEqual(p.errors, []);
});

test('Escape closes the Embed dialog', async () => {
  const p = await session.open();
  const { page } = p;
  await page.getByRole('button', { name: 'Embed', exact: true }).click();
  await page.getByLabel('Embed snippet').waitFor();
  await page.waitForFunction(() => document.activeElement?.id === 'embed-snippet');
  await page.keyboard.press('Escape');
  await page.getByLabel('Embed snippet').waitFor({ state: 'detached' });
  assert.equal(await activeId(page), 'embed-button');
  // Also when the focus is still on the button that opened it.
  await page.getByRole('button', { name: 'Embed', exact: true }).click();
  await page.getByRole('button', { name: 'Embed', exact: true }).focus();
  await page.keyboard.press('Escape');
  await page.getByLabel('Embed snippet').waitFor({ state: 'detached' });
  assert.deepEqual(p.errors, []);
});

test('a field with a diagnostic is invalid and described by it', async () => {
  const p = await session.open();
  const { page } = p;
  const port = p.serverField(2, 'Port');
  await port.fill('0');
  await p.diagnostics.getByText('RealServerPortNotSupport', { exact: true }).waitFor();
  assert.equal(await port.getAttribute('aria-invalid'), 'true');
  const describedBy = await port.getAttribute('aria-describedby');
  const detail = await page.evaluate((ids) => ids.split(' ').map((id) => document.getElementById(id)?.textContent).join(' '), describedBy);
  assert.match(detail, /^Server 2 has Port '0'/);
  await port.blur();
  const outline = await port.evaluate((el) => getComputedStyle(el).outlineStyle);
  assert.equal(outline, 'solid');
  // Other fields are not marked.
  assert.equal(await p.serverField(1, 'Port').getAttribute('aria-invalid'), null);
  assert.equal(await p.field('RegionId').getAttribute('aria-invalid'), null);
  // A region field and the raw text.
  await p.field('RegionId').fill('');
  await p.diagnostics.getByText('MissingParameter', { exact: true }).waitFor();
  assert.equal(await p.field('RegionId').getAttribute('aria-invalid'), 'true');
  await p.raw.fill('[{');
  await p.diagnostics.getByText('InvalidParameter', { exact: true }).waitFor();
  assert.equal(await p.raw.getAttribute('aria-invalid'), 'true');
  assert.match(await p.raw.getAttribute('aria-describedby'), /^raw-hint diag-\d+-detail/);
  assert.deepEqual(p.errors, []);
});

test('the Examples menu fits at 360 px', async () => {
  const p = await session.open('/', { width: 360, height: 740 });
  await p.page.getByText('Examples', { exact: true }).click();
  const box = await p.page.locator('.menu-list').boundingBox();
  assert.ok(box.x >= 0, `left ${box.x}`);
  assert.ok(box.x + box.width <= 360, `right ${box.x + box.width}`);
  assert.deepEqual(p.errors, []);
});

/** How many pixels of a control's text (placeholder, or the chosen option) do not fit. */
async function overflow(locator) {
  return locator.evaluate((el) => {
    const style = getComputedStyle(el);
    const ctx = document.createElement('canvas').getContext('2d');
    ctx.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
    const text = el.tagName === 'SELECT' ? el.options[el.selectedIndex].text : el.placeholder;
    const room = el.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight)
      - (el.tagName === 'SELECT' ? 20 : 0);
    return Math.ceil(ctx.measureText(text).width - room);
  });
}

for (const width of [1280, 360]) {
  test(`placeholders and signing options fit at ${width} px`, async () => {
    const p = await session.open('/', { width, height: 900 });
    const { page } = p;
    for (const name of ['ServerId', 'Port', 'Weight', 'Description', 'ServerIp']) {
      assert.ok(await overflow(p.serverField(1, name)) <= 0, `${name} placeholder cut off`);
    }
    await page.getByText('Sign the request (optional)').click();
    for (const name of ['Timestamp', 'SignatureNonce']) {
      assert.ok(await overflow(p.field(name)) <= 0, `${name} placeholder cut off`);
    }
    const signature = page.getByLabel('Signature', { exact: true });
    for (const value of ['auto', 'none', 'v1', 'v3']) {
      await signature.selectOption(value);
      assert.ok(await overflow(signature) <= 0, `Signature option ${value} cut off`);
    }
    assert.deepEqual(p.errors, []);
  });
}
