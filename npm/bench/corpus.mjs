// 1,000 requests with raw `MasterSlaveBackendServers` strings (valid JSON, so that JSON.parse can
// read them too): 500 valid, 500 invalid, each invalid one with one mistake from the table below.
// Deterministic: a small seeded PRNG.

function prng(seed) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const REGIONS = ['cn-hangzhou', 'cn-beijing', 'cn-shanghai', 'ap-southeast-1', 'eu-central-1', 'us-west-1'];
const id = (rand, prefix, n) => {
  let out = prefix;
  for (let i = 0; i < n; i++) out += 'abcdefghijklmnopqrstuvwxyz0123456789'[Math.floor(rand() * 36)];
  return out;
};

function server(rand, type) {
  const s = { ServerId: id(rand, 'i-', 20), Port: rand() < 0.5 ? 80 + Math.floor(rand() * 9000) : String(80 + Math.floor(rand() * 9000)) };
  if (rand() < 0.7) s.Weight = rand() < 0.5 ? Math.floor(rand() * 101) : String(Math.floor(rand() * 101));
  if (type !== 'Master' || rand() < 0.6) s.ServerType = type;
  if (rand() < 0.3) s.Type = 'ecs';
  if (rand() < 0.3) s.Description = `web-${Math.floor(rand() * 100)}`;
  return s;
}

/** One mistake each; `schema` says whether the JSON Schema can express the rule. */
export const MISTAKES = [
  { name: 'syntax error (trailing comma)', schema: true, apply: (r, s) => { r.raw = s.slice(0, -1) + ',]'; } },
  { name: 'one server', schema: true, apply: (r) => { r.servers.pop(); } },
  { name: 'three servers', schema: true, apply: (r, _s, rand) => { r.servers.push(server(rand, 'Slave')); } },
  { name: 'ServerId empty', schema: true, apply: (r) => { r.servers[0].ServerId = ' '; } },
  { name: 'Port absent', schema: true, apply: (r) => { delete r.servers[1].Port; } },
  { name: 'Port out of range', schema: true, apply: (r) => { r.servers[0].Port = '65536'; } },
  { name: 'Port fraction', schema: true, apply: (r) => { r.servers[1].Port = 80.5; } },
  { name: 'ServerType case', schema: true, apply: (r) => { r.servers[1].ServerType = 'slave'; } },
  { name: 'Weight out of range', schema: true, apply: (r) => { r.servers[0].Weight = 101; } },
  { name: 'Type invalid', schema: true, apply: (r) => { r.servers[0].Type = 'vm'; } },
  { name: 'two Masters by default', schema: true, apply: (r) => { delete r.servers[0].ServerType; delete r.servers[1].ServerType; } },
  { name: 'RegionId absent', schema: true, apply: (r) => { delete r.request.RegionId; } },
  { name: 'same ServerId and Port (80 equals "80")', schema: false, apply: (r) => {
    r.servers[1].ServerId = r.servers[0].ServerId;
    r.servers[1].Port = String(r.servers[0].Port);
  } },
];

export function corpus(size = 1000, seed = 20260522) {
  const rand = prng(seed);
  const out = [];
  for (let i = 0; i < size; i++) {
    const valid = i % 2 === 0;
    const r = {
      request: { RegionId: REGIONS[Math.floor(rand() * REGIONS.length)], LoadBalancerId: id(rand, 'lb-', 21) },
      servers: rand() < 0.5 ? [server(rand, 'Master'), server(rand, 'Slave')] : [server(rand, 'Slave'), server(rand, 'Master')],
      raw: null,
    };
    if (rand() < 0.3) r.request.MasterSlaveServerGroupName = `group-${i}`;
    let mistake = null;
    if (!valid) {
      mistake = MISTAKES[Math.floor(i / 2) % MISTAKES.length];
      if (mistake.name.startsWith('syntax')) {
        mistake.apply(r, JSON.stringify(r.servers), rand);
      } else {
        mistake.apply(r, null, rand);
      }
    }
    const request = { ...r.request, MasterSlaveBackendServers: r.raw ?? JSON.stringify(r.servers) };
    out.push({ request, valid, mistake: mistake?.name ?? null, schemaCanTell: mistake?.schema ?? true });
  }
  return out;
}
