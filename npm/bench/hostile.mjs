// The cost of one call on hostile input: 50 requests (10 MiB strings in each field, deep and
// circular values, huge lists), each through validate, renderResponse, buildRequest and
// snippets. Prints the slowest call beside a valid request's call in the same run; the issue's
// target is at most 50 ms per call.
//
//   node bench/hostile.mjs
import { performance } from 'node:perf_hooks';

import { buildRequest, renderResponse, snippets, validate } from 'slb-msgroup';

const SEED = {
  RegionId: 'cn-hangzhou',
  LoadBalancerId: 'lb-bp1hv944r69al4j9jkmvx',
  MasterSlaveBackendServers: "[{'ServerId':'vm-233','Port':'80','ServerType':'Master'},{'ServerId':'vm-232','Port':'90','ServerType':'Slave'}]",
  MasterSlaveServerGroupName: 'Group1',
};
const MiB = 1024 * 1024;
const nested = (depth, leaf = {}) => {
  let v = leaf;
  for (let i = 0; i < depth; i++) v = i % 2 ? { a: v } : [v];
  return v;
};
const cyclic = () => {
  const o = { ServerId: 'i-1', Port: 80 };
  o.self = o;
  return o;
};

const inputs = [];
for (const field of ['RegionId', 'LoadBalancerId', 'MasterSlaveServerGroupName', 'MasterSlaveBackendServers']) {
  for (const fill of ['x', 'é', '😀', '"', '-', '\\', '[', '{\'a\':']) {
    inputs.push([`${field}: 10 MiB of ${JSON.stringify(fill)}`, { ...SEED, [field]: fill.repeat(Math.ceil((10 * MiB) / fill.length)) }]);
  }
}
for (const depth of [40, 120, 2_000, 5_000, 10_000, 50_000]) {
  inputs.push([`an entry nested ${depth} deep`, { ...SEED, MasterSlaveBackendServers: [{ ServerId: 'i-1', Port: 80, X: nested(depth) }, {}] }]);
  inputs.push([`the list nested ${depth} deep`, { ...SEED, MasterSlaveBackendServers: nested(depth, '') }]);
}
inputs.push(['a cycle in an entry', { ...SEED, MasterSlaveBackendServers: [cyclic(), cyclic()] }]);
inputs.push(['100,000 structured entries', { ...SEED, MasterSlaveBackendServers: Array.from({ length: 100_000 }, (_, i) => ({ ServerId: `i-${i}`, Port: 80 })) }]);
inputs.push(['a raw list of 1,000,000 entries', { ...SEED, MasterSlaveBackendServers: `[${'{"ServerId":"i","Port":1},'.repeat(1_000_000)}]` }]);
inputs.push(['["["×10 MiB', { ...SEED, MasterSlaveBackendServers: '['.repeat(10 * MiB) }]);
inputs.push(['an object of 100,000 unknown keys', { ...SEED, MasterSlaveBackendServers: [Object.fromEntries(Array.from({ length: 100_000 }, (_, i) => [`k${i}`, i])), {}] }]);
inputs.push(['a valid request (baseline)', SEED]);

const CALLS = { validate, renderResponse, buildRequest, snippets };
function time(fn) {
  const runs = [];
  for (let i = 0; i < 3; i++) {
    const t = performance.now();
    try {
      fn();
    } catch {
      // A thrown Error is an answer too; a wasm trap would break the next call, which the tests check.
    }
    runs.push(performance.now() - t);
  }
  return runs.sort((a, b) => a - b)[1];
}

const rows = [];
for (const [label, request] of inputs) {
  for (const [name, fn] of Object.entries(CALLS)) rows.push({ label, name, ms: time(() => fn(request)) });
}
rows.sort((a, b) => b.ms - a.ms);
console.log(`${inputs.length} inputs × ${Object.keys(CALLS).length} entry points; median of 3 calls each`);
for (const r of rows.slice(0, 8)) console.log(`  ${r.ms.toFixed(2).padStart(8)} ms  ${r.name}(${r.label})`);
const base = rows.filter((r) => r.label.includes('baseline'));
console.log(`baseline (valid request): ${base.map((r) => `${r.name} ${(r.ms * 1000).toFixed(1)} µs`).join(', ')}`);
console.log(`slowest hostile call: ${rows[0].ms.toFixed(2)} ms (target ≤ 50 ms)`);
