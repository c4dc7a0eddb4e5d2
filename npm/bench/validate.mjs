// Throughput of validate() (Rust compiled to wasm) on 1,000 requests, half valid and half invalid,
// against the fastest pure-JS way to do the same checks: JSON.parse plus ajv-compiled JSON Schemas
// of the same rules (see schema.mjs for the rules a schema cannot express).
//
//   node bench/validate.mjs [seconds per round, default 1]
import { performance } from 'node:perf_hooks';
import Ajv2019 from 'ajv/dist/2019.js';

import { validate, version } from 'slb-msgroup';
import { corpus } from './corpus.mjs';
import { requestSchema, serversSchema } from './schema.mjs';

const ROUND_SECONDS = Number(process.argv[2] ?? 1);
const ROUNDS = 5;

// allErrors: validate() reports every problem, so the schema reports every violation too.
const ajv = new Ajv2019({ allErrors: true, strict: false });
const checkRequest = ajv.compile(requestSchema);
const checkServers = ajv.compile(serversSchema);

function jsValidate(request) {
  let ok = checkRequest(request);
  let servers;
  try {
    servers = JSON.parse(request.MasterSlaveBackendServers || '[]');
  } catch {
    return false;
  }
  ok = checkServers(servers) && ok;
  return ok;
}

const wasmValidate = (request) => validate(request).ok;

const requests = corpus();
const valid = requests.filter((r) => r.valid).length;

// Both sides agree, except where the schema cannot express the rule.
let disagreements = 0;
let inexpressible = 0;
for (const r of requests) {
  const wasmOk = wasmValidate(r.request);
  const jsOk = jsValidate(r.request);
  if (wasmOk !== r.valid) throw new Error(`validate() got ${wasmOk} for ${JSON.stringify(r)}`);
  if (!r.schemaCanTell) {
    inexpressible++;
    continue;
  }
  if (jsOk !== r.valid) disagreements++;
}
if (disagreements > 0) throw new Error(`the schema disagrees on ${disagreements} requests it should decide`);

function measure(fn) {
  let best = 0;
  for (let round = 0; round < ROUNDS; round++) {
    let n = 0;
    let okCount = 0;
    const start = performance.now();
    let elapsed = 0;
    while (elapsed < ROUND_SECONDS * 1000) {
      for (const r of requests) if (fn(r.request)) okCount++;
      n += requests.length;
      elapsed = performance.now() - start;
    }
    if (okCount < 0) console.log(okCount); // keep the results alive
    best = Math.max(best, (n / elapsed) * 1000);
  }
  return best;
}

// Warm both up before measuring.
for (let i = 0; i < 20; i++) {
  for (const r of requests) {
    wasmValidate(r.request);
    jsValidate(r.request);
  }
}

const wasmOps = measure(wasmValidate);
const jsOps = measure(jsValidate);
const fmt = (x) => Math.round(x).toLocaleString('en-US');

console.log(`slb-msgroup ${version()}, Node ${process.version}, ${requests.length} requests (${valid} valid, ${requests.length - valid} invalid)`);
console.log(`the schema cannot tell ${inexpressible} of the invalid requests (same ServerId and Port); it agrees on all others`);
console.log(`best of ${ROUNDS} rounds of ${ROUND_SECONDS}s:`);
console.log(`  validate() (wasm):            ${fmt(wasmOps).padStart(10)} requests/s`);
console.log(`  JSON.parse + ajv (allErrors): ${fmt(jsOps).padStart(10)} requests/s`);
console.log(`  ratio wasm / ajv:             ${(wasmOps / jsOps).toFixed(2)}`);
