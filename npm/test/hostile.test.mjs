// Hostile input through every entry point that takes a request: cycles, depth, BigInt, NaN,
// numbers past 2^53, host-moving RegionIds, huge strings. Each call returns or throws a JS Error,
// never a wasm trap, and the module keeps working in the same process afterwards.
import { test } from 'node:test';
import assert from 'node:assert/strict';

import { buildRequest, renderResponse, snippets, validate } from 'slb-msgroup';
import { SEED } from './helpers.mjs';

const ENTRY_POINTS = { validate, renderResponse, buildRequest, snippets };
const TWO = (first) => [first, { ServerId: 'i-2', Port: 81, ServerType: 'Slave' }];

/** Calls `fn`; a throw must be a real `Error` (not a wasm `RuntimeError`). */
function settle(name, fn) {
  try {
    return { value: fn() };
  } catch (e) {
    assert.ok(e instanceof Error, `${name}: threw ${typeof e}`);
    assert.ok(!(e instanceof WebAssembly.RuntimeError), `${name}: wasm trap: ${e.message}`);
    return { error: e };
  }
}

/** `fn` throws an `Error` whose message matches `pattern`. */
const throwsMessage = (fn, pattern, what) =>
  assert.throws(fn, (e) => {
    assert.ok(e instanceof Error, what);
    assert.match(e.message, pattern, what);
    return true;
  });

function stillWorks() {
  assert.deepEqual(validate(SEED), { ok: true, diagnostics: [] });
  assert.equal(renderResponse(SEED).status, 200);
  assert.equal(buildRequest(SEED).signed, false);
  assert.ok(Object.keys(snippets(SEED)).length === 10);
}

test('a server object that refers to itself: a clear Error from every entry point, then business as usual', () => {
  const o = { ServerId: 'i-1', Port: 80 };
  o.self = o;
  const request = { ...SEED, MasterSlaveBackendServers: TWO(o) };
  for (const [name, fn] of Object.entries(ENTRY_POINTS)) {
    const { error } = settle(name, () => fn(request));
    assert.ok(error, `${name} should throw`);
    assert.match(error.message, new RegExp(`^${name}: invalid request: .*refers to itself \\(a cycle\\)`));
    stillWorks();
  }
});

test('depth: up to 31 levels in an entry is read; deeper gets the raw string\'s diagnostic or a clear Error', () => {
  const nested = (depth) => {
    let v = {};
    for (let i = 0; i < depth; i++) v = { a: v };
    return v;
  };
  // Within serde_json's recursion limit the structured list becomes the raw string, and the
  // raw string's own "nested deeper than 32 levels" diagnostic comes back.
  const report = validate({ ...SEED, MasterSlaveBackendServers: TWO({ ServerId: 'i-1', Port: 80, X: nested(60) }) });
  assert.equal(report.ok, false);
  assert.equal(report.diagnostics[0].code, 'InvalidParameter');
  assert.match(report.diagnostics[0].detail, /deeper than 32/);
  for (const depth of [200, 2_000, 5_000, 10_000]) {
    const request = { ...SEED, MasterSlaveBackendServers: TWO({ ServerId: 'i-1', Port: 80, X: nested(depth) }) };
    for (const [name, fn] of Object.entries(ENTRY_POINTS)) {
      const { error } = settle(name, () => fn(request));
      assert.ok(error, `${name} at depth ${depth} should throw`);
      assert.match(error.message, /nested too deeply|call stack/, `${name} at depth ${depth}`);
    }
    stillWorks();
  }
});

test('BigInt is refused by name; NaN and Infinity are named, not read as null', () => {
  const { error } = settle('validate', () => validate({ ...SEED, MasterSlaveBackendServers: TWO({ ServerId: 'i-1', Port: 80n }) }));
  assert.match(error.message, /^validate: invalid request: .*BigInt/);
  for (const [port, name] of [[Infinity, 'Infinity'], [-Infinity, '-Infinity'], [NaN, 'NaN']]) {
    const report = validate({ ...SEED, MasterSlaveBackendServers: TWO({ ServerId: 'i-1', Port: port, ServerType: 'Master' }) });
    const [d] = report.diagnostics;
    assert.equal(d.code, 'RealServerPortNotSupport');
    assert.ok(d.detail.includes(name), d.detail);
    assert.ok(!/null/.test(d.detail), d.detail);
  }
  stillWorks();
});

test('a port past 2^53 is a whole number out of range, not "not an integer"', () => {
  const report = validate({ ...SEED, MasterSlaveBackendServers: TWO({ ServerId: 'i-1', Port: 2 ** 53 + 1, ServerType: 'Master' }) });
  const [d] = report.diagnostics;
  assert.equal(d.code, 'RealServerPortNotSupport');
  assert.ok(d.detail.includes('9007199254740992'), d.detail);
  assert.ok(!d.detail.includes('.0'), d.detail);
  assert.ok(!d.detail.includes('not an integer'), d.detail);
});

test('a RegionId that would move the host is an error, and nothing is built on it', () => {
  for (const region of ['x@evil.example/', 'evil.example#', 'x.evil.example?', 'a/b', '$(touch pwned)', '`id`', 'x" & calc & "']) {
    const request = { ...SEED, RegionId: region };
    const report = validate(request);
    assert.equal(report.ok, false);
    assert.equal(report.diagnostics[0].code, 'InvalidRegionId.NotFound');
    assert.equal(report.diagnostics[0].httpStatus, 404);
    const response = renderResponse(request);
    assert.equal(response.status, 404);
    assert.ok(!response.body.includes('evil'), response.body);
    throwsMessage(() => buildRequest(request, { accessKeyId: 'id', accessKeySecret: 'secret' }), /^buildRequest: RegionId .* is not a region id/, region);
    throwsMessage(() => snippets(request), /^snippets: RegionId .* is not a region id/, region);
  }
  for (const endpoint of ['evil.example/x', 'a@b', '"; touch pwned; "', 'https://x', 'x:99999']) {
    throwsMessage(() => snippets(SEED, { endpoint }), /^snippets: endpoint .* is not a host name/, endpoint);
    throwsMessage(() => buildRequest(SEED, { endpoint }), /^buildRequest: endpoint .* is not a host name/, endpoint);
  }
  assert.equal(buildRequest(SEED, { endpoint: '127.0.0.1:8090', protocol: 'http' }).url.startsWith('http://127.0.0.1:8090/?'), true);
});

test('huge values are refused early: past 64 KiB a diagnostic and nothing built, past 1 MiB not read at all', () => {
  const over = 'x'.repeat(200 * 1024);
  for (const field of ['RegionId', 'LoadBalancerId', 'MasterSlaveServerGroupName', 'MasterSlaveBackendServers']) {
    const request = { ...SEED, [field]: over };
    const report = validate(request);
    assert.equal(report.ok, false, field);
    assert.match(report.diagnostics[0].detail, /204800 bytes long|not a region id/, field);
    assert.ok(renderResponse(request).status >= 400, field);
    throwsMessage(() => buildRequest(request), /is not a region id|bytes long/, field);
    throwsMessage(() => snippets(request), /is not a region id|bytes long/, field);
  }
  const huge = 'x'.repeat(10 * 1024 * 1024);
  for (const field of ['RegionId', 'LoadBalancerId', 'MasterSlaveServerGroupName', 'MasterSlaveBackendServers']) {
    for (const [name, fn] of Object.entries(ENTRY_POINTS)) {
      throwsMessage(() => fn({ ...SEED, [field]: huge }), new RegExp(`^${name}: invalid request: ${field} is 10485760 characters long; at most 1048576 are read`), `${name} ${field}`);
    }
  }
  const list = Array.from({ length: 100_000 }, (_, i) => ({ ServerId: `i-${i}`, Port: 80 }));
  throwsMessage(() => validate({ ...SEED, MasterSlaveBackendServers: list }), /^validate: invalid request: the value as JSON is \d+ characters long/);
  stillWorks();
});

/** A small deterministic generator (mulberry32), so a failure can be replayed from its seed. */
function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Any value built from objects, arrays, scalars, cycles and depth up to 10,000. */
function anyValue(next) {
  const leaves = [() => 80, () => '80', () => null, () => true, () => NaN, () => 2 ** 60, () => 'x'.repeat(next() * 100), () => undefined, () => -0];
  const pick = (xs) => xs[Math.floor(next() * xs.length)];
  const shape = next();
  if (shape < 0.15) {
    let v = pick(leaves)();
    const depth = Math.floor(next() * 10_000);
    for (let i = 0; i < depth; i++) v = next() < 0.5 ? { a: v } : [v];
    return v;
  }
  if (shape < 0.3) {
    const o = { ServerId: 'i-1', Port: 80 };
    const inner = { o };
    o[pick(['self', 'Port', 'ServerId', 'x'])] = next() < 0.5 ? o : inner;
    return o;
  }
  const o = {};
  for (const key of ['ServerId', 'Port', 'Weight', 'ServerType', 'Type', 'Description', 'ServerIp', 'Extra']) {
    if (next() < 0.6) o[key] = next() < 0.8 ? pick(leaves)() : anyValue(next);
  }
  return o;
}

test('property: any JS value as a server list, a server, or a field: every entry point returns or throws an Error, and the next valid call succeeds', () => {
  const next = rng(0x5eed);
  for (let i = 0; i < 300; i++) {
    const where = next();
    let request;
    if (where < 0.3) request = { ...SEED, MasterSlaveBackendServers: anyValue(next) };
    else if (where < 0.6) request = { ...SEED, MasterSlaveBackendServers: [anyValue(next), anyValue(next)] };
    else request = { ...SEED, [['RegionId', 'LoadBalancerId', 'MasterSlaveServerGroupName'][i % 3]]: anyValue(next) };
    for (const [name, fn] of Object.entries(ENTRY_POINTS)) settle(`${name} #${i}`, () => fn(request));
    assert.deepEqual(validate(SEED), { ok: true, diagnostics: [] }, `after case ${i}`);
  }
  stillWorks();
});
