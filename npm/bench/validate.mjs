// validate() (Rust compiled to wasm) in one run: the time of one call on a valid and on an invalid
// two-server request beside the same call natively (core/examples/npm_native.rs), and the
// throughput on 1,000 requests (500 valid, 500 invalid, measured apart) against the fastest pure-JS
// way to do the same checks: JSON.parse plus ajv-compiled JSON Schemas of the same rules (see
// schema.mjs for the rules a schema cannot express).
//
//   node bench/validate.mjs [seconds per round, default 1]
import { spawnSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
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

function measure(fn, list) {
  let best = 0;
  for (let round = 0; round < ROUNDS; round++) {
    let n = 0;
    let okCount = 0;
    const start = performance.now();
    let elapsed = 0;
    while (elapsed < ROUND_SECONDS * 1000) {
      for (const r of list) if (fn(r.request)) okCount++;
      n += list.length;
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

// One call's time on the two requests of the native bench (core/benches/validate.rs), through
// wasm here and natively (core/examples/npm_native.rs, built with the bench profile as criterion is) in the same run.
const TWO = {
  valid: "[{'ServerId':'vm-233','Port':'80','Weight':'100','ServerType':'Master'},{'ServerId':'vm-232','Port':'90','Weight':'100','ServerType':'Slave'}]",
  invalid: "[{'ServerId':'vm-233','Port':'0','Weight':'100','ServerType':'master'},{'ServerId':'vm-232','Port':'90','Weight':'100''ServerType':'Slave'}]",
};
const twoServer = (servers) => ({
  RegionId: 'cn-hangzhou',
  LoadBalancerId: 'lb-bp1hv944r69al4j9jkmvx',
  MasterSlaveBackendServers: servers,
  MasterSlaveServerGroupName: 'Group1',
});

function perCallMicros(request) {
  let calls = 1_000;
  for (;;) {
    const start = performance.now();
    for (let i = 0; i < calls; i++) validate(request);
    if (performance.now() - start >= 20) break;
    calls *= 2;
  }
  let best = Infinity;
  for (let round = 0; round < ROUNDS * 2; round++) {
    const start = performance.now();
    for (let i = 0; i < calls; i++) validate(request);
    best = Math.min(best, ((performance.now() - start) * 1000) / calls);
  }
  return best;
}

function nativeMicros(list) {
  const root = fileURLToPath(new URL('../..', import.meta.url));
  const run = spawnSync(
    'cargo',
    ['run', '--quiet', '--profile', 'bench', '-p', 'slb-msgroup', '--example', 'npm_native'],
    { cwd: root, input: list.map((r) => JSON.stringify(r)).join('\n') + '\n', encoding: 'utf8' },
  );
  if (run.status !== 0) throw new Error(`the native timing failed: ${run.stderr}`);
  return run.stdout.trim().split('\n').map(Number);
}

const fmt = (x) => Math.round(x).toLocaleString('en-US');
const kinds = ['valid', 'invalid'];
const native = nativeMicros(kinds.map((k) => twoServer(TWO[k])));
const wasmMicros = kinds.map((k) => perCallMicros(twoServer(TWO[k])));
const subsets = { valid: requests.filter((r) => r.valid), invalid: requests.filter((r) => !r.valid) };
const throughput = kinds.map((k) => [measure(wasmValidate, subsets[k]), measure(jsValidate, subsets[k])]);

console.log(`slb-msgroup ${version()}, Node ${process.version}, ${requests.length} requests (${valid} valid, ${requests.length - valid} invalid)`);
console.log(`the schema cannot tell ${inexpressible} of the invalid requests (same ServerId and Port); it agrees on all others`);
console.log('one validate() call on a two-server request (best of rounds):');
for (const [i, k] of kinds.entries()) {
  console.log(`  ${k.padEnd(8)} wasm ${wasmMicros[i].toFixed(2).padStart(6)} µs   native ${native[i].toFixed(2).padStart(6)} µs   wasm / native ${(wasmMicros[i] / native[i]).toFixed(2)}`);
}
console.log(`throughput on the corpus, best of ${ROUNDS} rounds of ${ROUND_SECONDS}s:`);
for (const [i, k] of kinds.entries()) {
  const [w, j] = throughput[i];
  console.log(`  ${k.padEnd(8)} validate() (wasm) ${fmt(w).padStart(9)}/s   JSON.parse + ajv (allErrors) ${fmt(j).padStart(9)}/s   wasm / ajv ${(w / j).toFixed(2)}`);
}
