// Shared by the tests: the package as Node loads it by name (through its `exports`), and requests.
import { createRequire } from 'node:module';

export const require = createRequire(import.meta.url);

/** The API reference's request, with the comma its example lacks put back. */
export const SEED = Object.freeze({
  RegionId: 'cn-hangzhou',
  LoadBalancerId: 'lb-bp1hv944r69al4j9jkmvx',
  MasterSlaveBackendServers:
    "[{'ServerId':'vm-233','Port':'80','Weight':'100','ServerType':'Master'},{'ServerId':'vm-232','Port':'90','Weight':'100','ServerType':'Slave'}]",
  MasterSlaveServerGroupName: 'Group1',
});

/** The API reference's example string as published: the comma after `'100'` is missing. */
export const SEED_AS_PUBLISHED =
  "[{'ServerId':'vm-233','Port':'80','Weight':'100','ServerType':'Master'},{'ServerId':'vm-232','Port':'90','Weight':'100''ServerType':'Slave'}]";

/** Applies a fix's edits (UTF-16 offsets) to a string. */
export function applyFix(text, fix) {
  const edits = [...fix.edits].sort((a, b) => b.start - a.start);
  let out = text;
  for (const e of edits) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  return out;
}

/** The text a diagnostic's span covers in the raw string. */
export function spanned(raw, diagnostic) {
  return raw.slice(diagnostic.span.start, diagnostic.span.end);
}
