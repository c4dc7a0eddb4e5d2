// The browser/bundler build (ESM with an async default init()), loaded in Node from its bytes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';

import * as node from 'slb-msgroup';
import init, * as web from '../pkg/web/slb_msgroup.js';
import { SEED, SEED_AS_PUBLISHED } from './helpers.mjs';

const bytes = readFileSync(new URL('../pkg/web/slb_msgroup_bg.wasm', import.meta.url));

test('init() then the same answers as the Node build', async () => {
  assert.equal(typeof init, 'function');
  await init({ module_or_path: bytes });
  const request = { ...SEED, MasterSlaveBackendServers: SEED_AS_PUBLISHED };
  assert.deepEqual(web.validate(request), node.validate(request));
  assert.deepEqual(web.regions(), node.regions());
  assert.deepEqual(web.errorCodes(), node.errorCodes());
  assert.equal(web.version(), node.version());
  assert.deepEqual(
    web.renderResponse(SEED, { requestId: 'R', groupId: 'G' }),
    node.renderResponse(SEED, { requestId: 'R', groupId: 'G' }),
  );
  const options = { accessKeyId: 'id', accessKeySecret: 's', timestamp: '2026-11-22T08:00:00Z', nonce: 'n' };
  assert.deepEqual(web.buildRequest(SEED, options), node.buildRequest(SEED, options));
  assert.deepEqual(web.snippets(SEED), node.snippets(SEED));
  assert.throws(() => web.validate('x'), /the request must be an object/);
});

test('the package resolves the browser entry for non-Node conditions', () => {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
  assert.equal(pkg.exports['.'].default, './pkg/web/slb_msgroup.js');
  assert.equal(pkg.exports['.'].node.require.default, './pkg/node/slb_msgroup.js');
  assert.equal(pkg.exports['.'].node.import.default, './index.mjs');
});
