// `checkRequest` of `slb-msgroup/check`, on requests captured from the official clients
// (core/tests/fixtures/captures/), loaded by name as `import` and as `require`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';

import * as esm from 'slb-msgroup/check';
import { require } from './helpers.mjs';

const cjs = require('slb-msgroup/check');
const { checkRequest } = esm;

const CLIENTS = ['pop-core-get', 'pop-core-post', 'tea-node', 'sdk-core-python', 'tea-python'];
const capture = (name) =>
  readFileSync(new URL(`../../core/tests/fixtures/captures/${name}.http`, import.meta.url), 'utf8');
const KEY = { accessKeyId: 'testid', accessKeySecret: 'testsecret' };

/** The capture's own timestamp, moved by `minutes`. */
function nowAfter(text, minutes) {
  const m = text.match(/Timestamp=([0-9-]+T[0-9]{2}%3A[0-9]{2}%3A[0-9]{2}Z)/)
    ?? text.match(/x-acs-date: ([0-9-]+T[0-9:]+Z)/i);
  const t = new Date(decodeURIComponent(m[1])).getTime() + minutes * 60_000;
  return new Date(t).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

test('checkRequest: the same function by import and require, and in the full export list', () => {
  assert.equal(typeof checkRequest, 'function');
  assert.equal(cjs.checkRequest, checkRequest);
  for (const name of ['validate', 'buildRequest', 'errorCodes', 'version']) {
    assert.equal(typeof esm[name], 'function', name);
  }
});

test('checkRequest: every capture is accepted with the right secret', () => {
  for (const client of CLIENTS) {
    const text = capture(client);
    const report = checkRequest(text, { ...KEY, now: nowAfter(text, 1) });
    assert.equal(report.accepted, true, `${client}: ${JSON.stringify(report.diagnostics)}`);
    assert.equal(report.status, 200);
    assert.equal(report.signature.verified, true);
    assert.equal(report.signature.scheme, client.startsWith('tea-') ? 'acs3' : 'v1');
    assert.equal(report.parameters.MasterSlaveServerGroupName, 'Group 1*~');
    assert.ok(!JSON.stringify(report).includes('testsecret'), `${client}: the secret leaked`);
  }
});

test('checkRequest: a wrong secret, a changed parameter, twenty minutes later', () => {
  for (const client of CLIENTS) {
    const text = capture(client);
    const wrong = checkRequest(text, { ...KEY, accessKeySecret: 'wrong', now: nowAfter(text, 1) });
    assert.deepEqual(wrong.diagnostics.map((d) => d.code), ['SignatureDoesNotMatch'], client);
    assert.equal(wrong.status, 400);
    assert.match(wrong.diagnostics[0].message, /server string to sign is:/);
    const changed = checkRequest(text.replace('lb-bp1hv944r69al4j9jkmvx', 'lb-bp1hv944r69al4j9jkmvz'),
      { ...KEY, now: nowAfter(text, 1) });
    assert.deepEqual(changed.diagnostics.map((d) => d.code), ['SignatureDoesNotMatch'], client);
    const late = checkRequest(text, { ...KEY, now: nowAfter(text, 20) });
    assert.deepEqual(late.diagnostics.map((d) => d.code), ['InvalidTimeStamp.Expired'], client);
  }
});

test('checkRequest: { method, url, headers, body } reads like the text', () => {
  const text = capture('pop-core-post');
  const [head, body] = text.split('\r\n\r\n');
  const headers = head.split('\r\n').slice(1).map((l) => {
    const i = l.indexOf(':');
    return [l.slice(0, i), l.slice(i + 1).trim()];
  });
  const host = headers.find(([k]) => k.toLowerCase() === 'host')[1];
  const now = nowAfter(text, 1);
  const parts = checkRequest({ method: 'POST', url: `http://${host}/`, headers, body }, { ...KEY, now });
  assert.equal(parts.accepted, true, JSON.stringify(parts.diagnostics));
  assert.equal(parts.input.kind, 'parts');
  const asObject = checkRequest(
    { method: 'POST', url: `http://${host}/`, headers: Object.fromEntries(headers), body },
    { ...KEY, now },
  );
  assert.deepEqual(asObject.signature, parts.signature);
});

test('checkRequest: without a secret the signature is not verified; garbage is a diagnostic', () => {
  const text = capture('tea-python');
  const report = checkRequest(text, { now: nowAfter(text, 0) });
  assert.equal(report.accepted, true);
  assert.equal(report.signature.verified, null);
  assert.deepEqual(report.diagnostics.map((d) => d.code), ['SignatureNotVerified']);
  const garbage = checkRequest('hello');
  assert.equal(garbage.accepted, false);
  assert.equal(garbage.status, null);
  assert.equal(garbage.diagnostics[0].code, 'UnreadableRequest');
});

test('checkRequest: misuse throws', () => {
  assert.throws(() => checkRequest(42), /checkRequest: the input must be/);
  assert.throws(() => checkRequest('GET / HTTP/1.1\n\n', { now: 'noon' }), /checkRequest: now "noon"/);
  assert.throws(() => checkRequest('GET / HTTP/1.1\n\n', { secret: 'x' }), /unknown field `secret`/);
  assert.throws(() => checkRequest({ url: '/', verb: 'GET' }), /unknown field `verb`/);
});
