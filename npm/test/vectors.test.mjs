// Every signing vector in ../shared/vectors (made with the official SDK code) through
// buildRequest, byte for byte.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';

import { buildRequest } from 'slb-msgroup';

const VECTORS = new URL('../../../shared/vectors/', import.meta.url);
const load = (name) => JSON.parse(readFileSync(new URL(name, VECTORS), 'utf8'));

const REQUEST_KEYS = ['RegionId', 'LoadBalancerId', 'MasterSlaveBackendServers', 'MasterSlaveServerGroupName'];
function requestOf(get) {
  const request = {};
  for (const key of REQUEST_KEYS) {
    const value = get(key);
    if (value !== undefined) request[key] = value;
  }
  return request;
}

const v1 = load('signature-v1.json');
const v3 = load('signature-v3.json');

test('there are vectors', () => {
  assert.ok(v1.length >= 4);
  assert.ok(v3.length >= 2);
});

for (const v of v1) {
  test(`v1: ${v.name}`, () => {
    const params = new Map(v.params);
    const built = buildRequest(requestOf((k) => params.get(k)), {
      signatureVersion: 'v1',
      method: v.method,
      format: params.get('Format'),
      accessKeyId: params.get('AccessKeyId'),
      accessKeySecret: v.accessKeySecret,
      timestamp: params.get('Timestamp'),
      nonce: params.get('SignatureNonce'),
    });
    assert.equal(built.signed, true);
    assert.equal(built.method, v.method);
    assert.equal(built.stringToSign, v.stringToSign);
    const [, query] = built.url.split('?');
    assert.equal(query, v.query);
    assert.ok(query.endsWith(`&Signature=${encodeURIComponent(v.signature)}`));
    assert.ok(!built.url.includes(v.accessKeySecret));
  });
}

for (const v of v3) {
  test(`v3: ${v.name}`, () => {
    const built = buildRequest(requestOf((k) => v.query[k]), {
      signatureVersion: 'v3',
      endpoint: v.headers.host,
      accessKeyId: v.accessKeyId,
      accessKeySecret: v.accessKeySecret,
      timestamp: v.headers['x-acs-date'],
      nonce: v.headers['x-acs-signature-nonce'],
    });
    assert.equal(built.signed, true);
    assert.equal(built.method, v.method);
    assert.equal(built.url, v.url);
    assert.equal(built.headers.Authorization, v.authorization);
    for (const [key, value] of Object.entries(v.headers)) {
      assert.equal(built.headers[key], value, `header ${key}`);
    }
  });
}
