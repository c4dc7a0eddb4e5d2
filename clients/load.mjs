// A bounded loopback load run against an emulator: 10,000 valid requests (each creates a group)
// over 100 connections with autocannon (pinned in package.json). Prints one JSON line.
//
//   node clients/load.mjs <base-url> [requests] [connections]
import autocannon from 'autocannon';

import { requestOf } from './drive.mjs';

const [url, amount = '10000', connections = '100'] = process.argv.slice(2);
if (!url) {
  console.error('usage: node clients/load.mjs <base-url> [requests] [connections]');
  process.exit(2);
}
const api = requestOf('valid');
let sent = 0;
/** A valid v1 request's query, as a client sends it: the current time and a fresh nonce (the
 * emulator checks both). It runs without credentials here, so the signature is not compared. */
const query = () =>
  new URLSearchParams({
    Action: 'CreateMasterSlaveServerGroup',
    Version: '2014-05-15',
    Format: 'JSON',
    ...api,
    AccessKeyId: 'testid',
    SignatureMethod: 'HMAC-SHA1',
    SignatureVersion: '1.0',
    SignatureNonce: `load-${process.pid}-${sent++}`,
    Timestamp: new Date().toISOString().replace(/\.\d{3}Z$/, 'Z'),
    Signature: 'unverified',
  }).toString();
const result = await autocannon({
  url,
  requests: [
    {
      setupRequest: (request) => ({ ...request, method: 'GET', path: `/?${query()}` }),
    },
  ],
  amount: Number(amount),
  connections: Number(connections),
  timeout: 10,
});
console.log(
  JSON.stringify({
    requests: result.requests.total,
    seconds: result.duration,
    throughput: Math.round(result.requests.total / result.duration),
    p50ms: result.latency.p50,
    p99ms: result.latency.p99,
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
  }),
);
