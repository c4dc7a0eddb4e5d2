// Bad data is diagnostics; only misuse of the API throws, and it throws a JS Error that says what
// is wrong. The module keeps working after a throw.
import { test } from 'node:test';
import assert from 'node:assert/strict';

import { buildRequest, parseServers, renderResponse, snippets, validate } from 'slb-msgroup';
import { SEED } from './helpers.mjs';

const throwsError = (fn, pattern) =>
  assert.throws(fn, (e) => {
    assert.ok(e instanceof Error, `an Error, not ${typeof e}`);
    assert.match(e.message, pattern);
    return true;
  });

test('a request that is not an object throws, in every function that takes one', () => {
  const functions = { validate, buildRequest, renderResponse, snippets };
  for (const [name, fn] of Object.entries(functions)) {
    for (const bad of ['cn-hangzhou', 42, null, undefined, true, [SEED], () => SEED]) {
      throwsError(() => fn(bad), new RegExp(`^${name}: the request must be an object`));
    }
  }
  throwsError(() => validate('x'), /not a value of type string/);
  throwsError(() => validate([]), /not an array/);
  throwsError(() => validate(null), /not null/);
});

test('an unknown request field throws and names it', () => {
  throwsError(() => validate({ ...SEED, Regionid: 'cn-hangzhou' }), /^validate: invalid request: .*Regionid/);
  throwsError(() => validate({ RegionId: 42 }), /^validate: invalid request: .*string/);
  throwsError(() => validate({ MasterSlaveBackendServers: 42 }), /^validate: invalid request/);
});

test('a timestamp in the wrong format throws', () => {
  for (const timestamp of ['2026-11-22 08:00:00', '2026-11-22T08:00:00+08:00', '1700000000', '']) {
    throwsError(
      () => buildRequest(SEED, { accessKeyId: 'id', accessKeySecret: 's', timestamp }),
      /^buildRequest: timestamp .* is not in the form YYYY-MM-DDThh:mm:ssZ/,
    );
  }
});

test('bad options throw', () => {
  throwsError(() => buildRequest(SEED, { signatureVersion: 'v2' }), /^buildRequest: invalid options: .*v2/);
  throwsError(() => buildRequest(SEED, { signature: 'v1' }), /^buildRequest: invalid options: .*signature/);
  throwsError(() => buildRequest(SEED, { method: 'PUT' }), /^buildRequest: invalid options/);
  throwsError(() => buildRequest(SEED, 'v1'), /^buildRequest: the options must be an object/);
  throwsError(() => buildRequest(SEED, { signatureVersion: 'v1' }), /^buildRequest: signature version v1 needs accessKeyId and accessKeySecret/);
  throwsError(() => renderResponse(SEED, { format: 'YAML' }), /^renderResponse: invalid options: .*YAML/);
  throwsError(() => renderResponse(SEED, { shape: 'pretty' }), /^renderResponse: invalid options/);
  throwsError(() => snippets(SEED, { only: ['cobol'] }), /^snippets: unknown snippet "cobol"/);
  throwsError(() => snippets(SEED, { langs: [] }), /^snippets: invalid options/);
});

test('null and undefined options are the defaults', () => {
  assert.equal(buildRequest(SEED, null).signed, false);
  assert.equal(buildRequest(SEED, undefined).signed, false);
  assert.equal(renderResponse(SEED, null).status, 200);
  assert.ok(Object.keys(snippets(SEED, null)).length > 0);
});

test('bad data never throws', () => {
  const raws = [
    '', ' ', '[', ']', '{', 'null', '[null]', '[[]]', '"x"', "[{'a':}]", '\u0000', '\ud800',
    '['.repeat(10_000), `[${'{"ServerId":"x","Port":1},'.repeat(5000)}]`, '[{"Port":1e400}]',
    '[{"ServerId":"😀","Port":"８０"}]',
  ];
  for (const raw of raws) {
    const report = validate({ ...SEED, MasterSlaveBackendServers: raw });
    assert.equal(report.ok, false, JSON.stringify(raw.slice(0, 20)));
    assert.ok(report.diagnostics.length > 0);
    parseServers(raw);
    const response = renderResponse({ ...SEED, MasterSlaveBackendServers: raw });
    assert.equal(response.status, 400);
  }
  assert.equal(validate({}).ok, false);
});

test('the module still works after the throws', () => {
  assert.throws(() => validate(1));
  assert.deepEqual(validate(SEED), { ok: true, diagnostics: [] });
});
