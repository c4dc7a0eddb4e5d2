// Screenshots of the default and an error state, light and dark, desktop and 360 px wide, saved
// to e2e/artifacts/ for a person to look at; at 360 px nothing may overflow sideways.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { Playground } from '../lib/playground.mjs';

let session;
before(async () => (session = await Playground.start()));
after(async () => session?.close());

for (const colorScheme of ['light', 'dark']) {
  for (const width of [1280, 360]) {
    test(`screenshots ${colorScheme} ${width}px`, async () => {
      const p = await session.open('/', { colorScheme, width, height: 800 });
      await p.screenshot(`default-${colorScheme}-${width}`);
      await p.loadExample('API reference example (as published)');
      await p.diagnostics.getByText('InvalidParameter', { exact: true }).waitFor();
      await p.serverField(1, 'Port').fill('70000');
      await p.diagnostics.getByText('RealServerPortNotSupport', { exact: true }).waitFor();
      await p.loadExample('API reference example (as published)');
      await p.diagnostics.getByText('InvalidParameter', { exact: true }).waitFor();
      await p.page.evaluate(() => window.scrollTo(0, 0));
      await p.screenshot(`error-${colorScheme}-${width}`);
      const overflow = await p.page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert.equal(overflow, 0, 'no horizontal scrolling');
      assert.deepEqual(p.errors, []);
    });
  }
}
