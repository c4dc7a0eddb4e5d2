// Drives one official Node client against a base URL and prints one JSON line: what the client
// returned or raised, in the client's own terms.
//
//   node clients/drive.mjs <pop-core-get|pop-core-post|tea-node> <base-url> <id> <secret> <scenario>
//
// Scenarios: valid, bad-port, special-chars, wrong-secret (the secret with "x" appended),
// unknown-id ("unknown-" before the id), nonce-reuse (the same nonce twice; the second answer is
// printed), expired (a timestamp 20 minutes old). Both clients let the caller set the nonce and
// the timestamp: pop-core takes SignatureNonce and Timestamp as parameters (they override its
// defaults), the Tea client takes x-acs-signature-nonce and x-acs-date as request headers.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const scenarios = JSON.parse(readFileSync(new URL('./scenarios.json', import.meta.url), 'utf8'));

export function requestOf(scenario) {
  const s = scenarios[scenario] ?? scenarios.valid;
  return {
    RegionId: s.RegionId,
    LoadBalancerId: s.LoadBalancerId,
    MasterSlaveServerGroupName: s.MasterSlaveServerGroupName,
    MasterSlaveBackendServers: JSON.stringify(s.servers),
  };
}

const isoSeconds = (d) => d.toISOString().replace(/\.\d{3}Z$/, 'Z');

/// One call; `nonce` and `timestamp` are set only when given.
export async function call(mode, baseUrl, id, secret, params, { nonce, timestamp } = {}) {
  if (mode === 'pop-core-get' || mode === 'pop-core-post') {
    const RPCClient = require('@alicloud/pop-core').RPCClient;
    const client = new RPCClient({
      accessKeyId: id,
      accessKeySecret: secret,
      endpoint: baseUrl,
      apiVersion: '2014-05-15',
    });
    const p = { ...params };
    if (nonce) p.SignatureNonce = nonce;
    if (timestamp) p.Timestamp = timestamp;
    const opts = mode === 'pop-core-post' ? { method: 'POST' } : {};
    try {
      const body = await client.request('CreateMasterSlaveServerGroup', p, opts);
      return success(body);
    } catch (e) {
      return {
        ok: false,
        errorType: e.name,
        code: e.code ?? null,
        status: e.entry?.response?.statusCode ?? null,
        message: e.message,
        requestId: e.data?.RequestId ?? null,
      };
    }
  }
  if (mode === 'tea-node') {
    const OpenApi = require('@alicloud/openapi-client');
    const Util = require('@alicloud/tea-util');
    const Client = OpenApi.default;
    const url = new URL(baseUrl);
    const client = new Client(
      new OpenApi.Config({
        accessKeyId: id,
        accessKeySecret: secret,
        endpoint: url.host,
        protocol: 'http',
      }),
    );
    const headers = {};
    if (nonce) headers['x-acs-signature-nonce'] = nonce;
    if (timestamp) headers['x-acs-date'] = timestamp;
    const apiParams = new OpenApi.Params({
      action: 'CreateMasterSlaveServerGroup',
      version: '2014-05-15',
      protocol: 'HTTPS',
      pathname: '/',
      method: 'POST',
      authType: 'AK',
      style: 'RPC',
      reqBodyType: 'formData',
      bodyType: 'json',
    });
    const request = new OpenApi.OpenApiRequest({ query: params, headers });
    try {
      const out = await client.callApi(apiParams, request, new Util.RuntimeOptions({}));
      return { ...success(out.body), status: out.statusCode };
    } catch (e) {
      return {
        ok: false,
        errorType: e.name ?? e.constructor?.name,
        code: e.code ?? null,
        status: e.statusCode ?? e.data?.statusCode ?? null,
        message: e.message,
        requestId: e.data?.RequestId ?? null,
      };
    }
  }
  throw new Error(`unknown mode ${mode}`);
}

function success(body) {
  const items = body?.MasterSlaveBackendServers?.MasterSlaveBackendServer ?? [];
  return {
    ok: true,
    groupId: body?.MasterSlaveServerGroupId ?? null,
    requestId: body?.RequestId ?? null,
    servers: items.map((s) => ({
      serverId: s.ServerId,
      port: s.Port,
      weight: s.Weight,
      serverType: s.ServerType,
      description: s.Description ?? null,
    })),
  };
}

export async function drive(mode, baseUrl, id, secret, scenario) {
  const params = requestOf(scenario);
  switch (scenario) {
    case 'wrong-secret':
      return call(mode, baseUrl, id, `${secret}x`, params);
    case 'unknown-id':
      return call(mode, baseUrl, `unknown-${id}`, secret, params);
    case 'nonce-reuse': {
      const nonce = `reused-${mode}-${Date.now()}-${Math.random().toString(16).slice(2)}`;
      const first = await call(mode, baseUrl, id, secret, params, { nonce });
      const second = await call(mode, baseUrl, id, secret, params, { nonce });
      return { ...second, first };
    }
    case 'expired':
      return call(mode, baseUrl, id, secret, params, {
        timestamp: isoSeconds(new Date(Date.now() - 20 * 60 * 1000)),
      });
    default:
      return call(mode, baseUrl, id, secret, params);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [mode, baseUrl, id, secret, scenario] = process.argv.slice(2);
  if (!scenario) {
    console.error('usage: node drive.mjs <mode> <base-url> <id> <secret> <scenario>');
    process.exit(2);
  }
  const out = await drive(mode, baseUrl, id, secret, scenario);
  console.log(JSON.stringify({ mode, scenario, ...out }));
}
