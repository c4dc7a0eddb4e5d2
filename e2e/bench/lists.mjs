// Server lists for the benchmark and the long-list tests: legal input (under the 64 KiB the
// service reads), in the JSON form the SDKs send.

/** `n` entries: Server 1 the Master on port 8000, the rest Slaves; about 57 bytes an entry. */
export function serverList(n, { port = '8000' } = {}) {
  const entries = [];
  for (let i = 1; i <= n; i++) {
    const id = `i-srv${String(i).padStart(4, '0')}`;
    const type = i === 1 ? 'Master' : 'Slave';
    entries.push(`{"ServerId":"${id}","Port":"${i === 1 ? port : '80'}","ServerType":"${type}"}`);
  }
  return `[${entries.join(',')}]`;
}

/** The ServerId of the `n`th entry (from 1). */
export const serverId = (n) => `i-srv${String(n).padStart(4, '0')}`;

/** A playground link (the part after the origin) that opens with this list. */
export function linkTo(list) {
  return `/#v1.r=cn-hangzhou&lb=lb-bp1hv944r69al4j9jkmvx&s=${encodeURIComponent(list)}`;
}
