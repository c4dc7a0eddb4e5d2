// Every exported function of the built package, loaded by name as `import` and as `require`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';

import * as esm from 'slb-msgroup';
import { SEED, SEED_AS_PUBLISHED, applyFix, require, spanned } from './helpers.mjs';

const cjs = require('slb-msgroup');
const {
  validate, parseServers, buildRequest, renderResponse, snippets, regions, errorCodes, version,
} = esm;

const FUNCTIONS = [
  'buildRequest', 'errorCodes', 'parseServers', 'regions', 'renderResponse', 'snippets',
  'validate', 'version',
];
const DIAGNOSTIC_KEYS = ['code', 'detail', 'fix', 'httpStatus', 'message', 'path', 'severity', 'span'];
const isPlainObject = (v) => v !== null && Object.getPrototypeOf(v) === Object.prototype;

test('import and require expose the same functions, with no init call', () => {
  // The ES module entry adds the emulator (Node only), built on the `emulator*` functions.
  assert.deepEqual(Object.keys(esm).sort(), [...FUNCTIONS, 'startEmulator'].sort());
  assert.deepEqual(
    Object.keys(cjs).filter((k) => !k.startsWith('emulator')).sort(),
    FUNCTIONS,
  );
  for (const name of FUNCTIONS) {
    assert.equal(typeof cjs[name], 'function', name);
    assert.equal(esm[name], cjs[name], `${name}: one instance for import and require`);
  }
});

test('version() is the package version', () => {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
  assert.equal(version(), pkg.version);
});

test('validate: a valid request', () => {
  const report = validate(SEED);
  assert.deepEqual(report, { ok: true, diagnostics: [] });
});

test('validate: the published example lacks a comma; the fix inserts it', () => {
  const raw = SEED_AS_PUBLISHED;
  const report = validate({ ...SEED, MasterSlaveBackendServers: raw });
  assert.equal(report.ok, false);
  const [d] = report.diagnostics;
  assert.deepEqual(Object.keys(d).sort(), DIAGNOSTIC_KEYS);
  assert.equal(d.code, 'InvalidParameter');
  assert.equal(d.severity, 'error');
  assert.equal(d.httpStatus, 400);
  assert.equal(d.message, 'The specified parameter is not valid.');
  assert.equal(d.path, 'MasterSlaveBackendServers');
  assert.match(d.detail, /expected ',' or '}'/);
  assert.deepEqual(d.span, { start: 119, end: 120 });
  assert.equal(spanned(raw, d), "'");
  assert.equal(d.fix.label, 'Insert the missing comma');
  assert.deepEqual(d.fix.edits, [{ start: 119, end: 119, text: ',' }]);
  const fixed = applyFix(raw, d.fix);
  assert.equal(fixed, SEED.MasterSlaveBackendServers);
  assert.equal(validate({ ...SEED, MasterSlaveBackendServers: fixed }).ok, true);
});

test('validate: every error in order, warnings with httpStatus null, null span and fix', () => {
  const report = validate({
    LoadBalancerId: 'LB_1',
    MasterSlaveBackendServers: [
      { ServerId: 'i-1', Port: 0, ServerType: 'master', IsBackup: true },
      { ServerId: 'i-1', Port: '80', Weight: 101 },
    ],
  });
  assert.equal(report.ok, false);
  const codes = report.diagnostics.map((d) => d.code);
  assert.equal(codes[0], 'MissingParameter');
  for (const code of ['RealServerPortNotSupport', 'INVALID_SERVER_TYPE', 'InvalidParameter',
    'UnknownServerKey', 'SuspiciousLoadBalancerId']) {
    assert.ok(codes.includes(code), `${code} in ${codes}`);
  }
  const missing = report.diagnostics[0];
  assert.equal(missing.path, 'RegionId');
  assert.equal(missing.span, null);
  for (const d of report.diagnostics) {
    assert.deepEqual(Object.keys(d).sort(), DIAGNOSTIC_KEYS);
    assert.ok(d.severity === 'error' || d.severity === 'warning');
    if (d.severity === 'warning') assert.equal(d.httpStatus, null, d.code);
    else assert.equal(typeof d.httpStatus, 'number', d.code);
    assert.ok(d.fix === null || Array.isArray(d.fix.edits), d.code);
  }
  const errors = report.diagnostics.filter((d) => d.severity === 'error').map((d) => d.code);
  const order = errorCodes().map((c) => c.code);
  const ranks = errors.map((c) => order.indexOf(c));
  // Per-entry checks run entry by entry, so only the request-level MissingParameter leads.
  assert.equal(ranks[0], 0);
});

test('validate: a structured list is the same as its JSON string', () => {
  const servers = [
    { ServerId: 'vm-233', Port: 80, Weight: '100', ServerType: 'Master' },
    { ServerId: 'vm-232', Port: '90', ServerType: 'Slave', Type: 'ecs' },
  ];
  assert.deepEqual(validate({ ...SEED, MasterSlaveBackendServers: servers }), { ok: true, diagnostics: [] });
  const twoMasters = validate({ ...SEED, MasterSlaveBackendServers: [{ ServerId: 'a', Port: 1 }, { ServerId: 'b', Port: 1 }] });
  assert.deepEqual(twoMasters.diagnostics.map((d) => d.code), ['BACKEND_SERVERS_CAN_ONLY_CONTAIN_ONE_MASTER_AND_ONE_SLAVE']);
});

test('validate: absent and null fields are absent', () => {
  const report = validate({ RegionId: 'cn-hangzhou', LoadBalancerId: undefined, MasterSlaveBackendServers: null });
  assert.deepEqual(report.diagnostics.map((d) => d.code), ['MissingParameter', 'BACKEND_SERVERS_NUM_MUST_BE_TWO']);
});

test('parseServers: servers with their fields as given', () => {
  const parsed = parseServers("[{'ServerId':'i-1','Port':'80','Serverid':'x'},{\"ServerId\":\"i-2\",\"Port\":90,\"Weight\":5}]");
  assert.equal(parsed.servers.length, 2);
  assert.equal(parsed.servers[0].ServerId, 'i-1');
  assert.equal(parsed.servers[0].Port, '80');
  assert.equal(parsed.servers[1].Port, 90);
  assert.equal(parsed.servers[1].Weight, 5);
  assert.ok(isPlainObject(parsed.servers[0]));
  // The list's own checks run too: neither entry gives ServerType, so both are Masters.
  assert.deepEqual(parsed.diagnostics.map((d) => d.code).sort(),
    ['BACKEND_SERVERS_CAN_ONLY_CONTAIN_ONE_MASTER_AND_ONE_SLAVE', 'UnknownServerKey']);
  const unknown = parsed.diagnostics.find((d) => d.code === 'UnknownServerKey');
  assert.equal(unknown.path, 'MasterSlaveBackendServers[0].Serverid');
  assert.match(unknown.detail, /ServerId/);
});

test('parseServers: not a list is null servers and a diagnostic', () => {
  for (const raw of ['{}', '[1,2]', "[{'ServerId':'i-1',}]", '[']) {
    const parsed = parseServers(raw);
    assert.equal(parsed.servers, null, raw);
    assert.equal(parsed.diagnostics[0].code, 'InvalidParameter', raw);
  }
  const empty = parseServers('');
  assert.deepEqual(empty.servers, []);
  assert.deepEqual(empty.diagnostics.map((d) => d.code), ['BACKEND_SERVERS_NUM_MUST_BE_TWO']);
});

test('buildRequest: no credentials is the unsigned URL', () => {
  const built = buildRequest(SEED);
  assert.equal(built.signed, false);
  assert.equal(built.method, 'GET');
  assert.equal(built.stringToSign, null);
  assert.ok(built.url.startsWith('https://slb.aliyuncs.com/?'), built.url);
  const query = new URL(built.url).searchParams;
  assert.equal(query.get('Action'), 'CreateMasterSlaveServerGroup');
  assert.equal(query.get('Version'), '2014-05-15');
  assert.equal(query.get('MasterSlaveBackendServers'), SEED.MasterSlaveBackendServers);
  assert.ok(isPlainObject(built.headers));
});

test('buildRequest: credentials sign with v1 by default, now and a random nonce', () => {
  const options = { accessKeyId: 'testid', accessKeySecret: 'testsecret' };
  const before = Math.floor(Date.now() / 1000) - 1;
  const a = buildRequest(SEED, options);
  const b = buildRequest(SEED, options);
  const after = Math.ceil(Date.now() / 1000) + 1;
  assert.equal(a.signed, true);
  assert.equal(a.method, 'GET');
  const q = new URL(a.url).searchParams;
  assert.equal(q.get('SignatureMethod'), 'HMAC-SHA1');
  assert.equal(q.get('AccessKeyId'), 'testid');
  const timestamp = q.get('Timestamp');
  assert.match(timestamp, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
  const t = Date.parse(timestamp) / 1000;
  assert.ok(t >= before && t <= after, `${timestamp} is now`);
  assert.notEqual(q.get('SignatureNonce'), new URL(b.url).searchParams.get('SignatureNonce'));
  assert.ok(a.stringToSign.startsWith('GET&%2F&'));
  assert.ok(!a.url.includes('testsecret'));
});

test('buildRequest: v3 headers are an ordered plain object', () => {
  const built = buildRequest(SEED, {
    signatureVersion: 'v3', accessKeyId: 'testid', accessKeySecret: 'testsecret',
    timestamp: '2026-11-22T08:00:00Z', nonce: 'n1', protocol: 'http', format: 'XML',
  });
  assert.equal(built.method, 'POST');
  assert.ok(built.url.startsWith('http://slb.aliyuncs.com/?'));
  assert.ok(isPlainObject(built.headers));
  assert.equal(built.headers['x-acs-date'], '2026-11-22T08:00:00Z');
  assert.equal(built.headers['x-acs-signature-nonce'], 'n1');
  assert.match(built.headers.Authorization, /^ACS3-HMAC-SHA256 Credential=testid,/);
  assert.equal(Object.keys(built.headers).at(-1), 'Authorization');
  assert.equal(typeof built.canonicalQuery, 'string');
});

test('renderResponse: success in both formats and shapes, ids as given or random', () => {
  const json = renderResponse(SEED, { requestId: 'REQ-1', groupId: 'rsp-0123456789abc' });
  assert.equal(json.status, 200);
  assert.equal(json.contentType, 'application/json;charset=utf-8');
  const body = JSON.parse(json.body);
  assert.equal(body.RequestId, 'REQ-1');
  assert.equal(body.MasterSlaveServerGroupId, 'rsp-0123456789abc');
  assert.equal(body.MasterSlaveBackendServers.MasterSlaveBackendServer[0].Port, 80);

  const random = JSON.parse(renderResponse(SEED).body);
  assert.match(random.RequestId, /^[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}$/);
  assert.match(random.MasterSlaveServerGroupId, /^rsp-[0-9a-z]{13}$/);

  const xml = renderResponse(SEED, { format: 'XML' });
  assert.equal(xml.contentType, 'text/xml;charset=utf-8');
  assert.match(xml.body, /<CreateMasterSlaveServerGroupResponse>/);

  const documented = renderResponse(SEED, { format: 'XML', shape: 'documented' });
  assert.match(documented.body, /<CreateMasterSlaveServerGroup>/);
});

test('renderResponse: an invalid request is the error body, not an exception', () => {
  const r = renderResponse({ ...SEED, MasterSlaveBackendServers: SEED_AS_PUBLISHED }, { requestId: 'R' });
  assert.equal(r.status, 400);
  assert.deepEqual(JSON.parse(r.body), {
    RequestId: 'R',
    HostId: 'slb.aliyuncs.com',
    Code: 'InvalidParameter',
    Message: 'The specified parameter is not valid.',
    Recommend: 'https://api.aliyun.com/troubleshoot?q=InvalidParameter&product=Slb&requestId=R',
  });
});

test('snippets: an ordered object of id to code, filtered by only', () => {
  const all = snippets(SEED);
  assert.ok(isPlainObject(all));
  const ids = Object.keys(all);
  assert.ok(ids.length >= 4, ids.join());
  assert.ok(ids.includes('curl-bash'), ids.join());
  for (const code of Object.values(all)) assert.equal(typeof code, 'string');
  assert.match(all['curl-bash'], /slb\.aliyuncs\.com/);
  const some = snippets(SEED, { only: [ids[1], ids[0]], endpoint: 'slb.example.test' });
  assert.deepEqual(Object.keys(some), [ids[0], ids[1]]);
  assert.match(some['curl-bash'] ?? Object.values(some)[0], /slb\.example\.test/);
});

test('regions: every known region with its endpoint', () => {
  const all = regions();
  assert.equal(all.length, 57);
  assert.deepEqual(all.find((r) => r.regionId === 'cn-hangzhou'), { regionId: 'cn-hangzhou', endpoint: 'slb.aliyuncs.com' });
  for (const r of all) {
    assert.deepEqual(Object.keys(r), ['regionId', 'endpoint']);
    assert.match(r.endpoint, /aliyuncs\.com$/);
  }
});

test('errorCodes: the registry, errors first', () => {
  const codes = errorCodes();
  assert.equal(codes[0].code, 'MissingParameter');
  assert.deepEqual(Object.keys(codes[0]), ['code', 'httpStatus', 'severity', 'message', 'description']);
  const severities = codes.map((c) => c.severity);
  assert.equal(severities.lastIndexOf('error') < severities.indexOf('warning'), true);
  for (const c of codes) {
    assert.equal(c.httpStatus === null, c.severity === 'warning', c.code);
    assert.ok(c.message.length > 0 && c.description.length > 0, c.code);
  }
  assert.ok(codes.some((c) => c.code === 'BACKEND_SERVERS_HAVE_SAME_PORT_AND_SERVERID'));
});
