#!/usr/bin/env node
// `npx slb-msgroup emulate [--host H] [--port N] [--credential ID:SECRET]... [--log text|json]`:
// the same emulator, first line and log lines as the Rust `slb-msgroup emulate`.
import { parseArgs } from 'node:util';

import { startEmulator, startupNotices } from '../emulator.mjs';

const USAGE = `usage: slb-msgroup emulate [--host 127.0.0.1] [--port 8090] [--credential ID:SECRET]... [--log text|json]

Runs a local emulator of Alibaba Cloud SLB CreateMasterSlaveServerGroup. The first line of
standard output is the base URL; then one log line per request. (The other commands of the
Rust CLI are not in the npm package; use the library functions.)`;

function usage(message) {
  if (message) console.error(`slb-msgroup: ${message}`);
  console.error(USAGE);
  process.exit(2);
}

const [command, ...rest] = process.argv.slice(2);
if (command === '--help' || command === '-h') {
  console.log(USAGE);
  process.exit(0);
}
if (command !== 'emulate') usage(command ? `unknown command ${command}` : 'no command');

let values;
try {
  ({ values } = parseArgs({
    args: rest,
    options: {
      host: { type: 'string', default: '127.0.0.1' },
      port: { type: 'string', default: '8090' },
      credential: { type: 'string', multiple: true, default: [] },
      log: { type: 'string', default: 'text' },
    },
    strict: true,
  }));
} catch (e) {
  usage(e.message);
}
const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) usage(`--port ${values.port}: not a port`);
if (values.log !== 'text' && values.log !== 'json') usage(`--log ${values.log}: text or json`);
for (const c of values.credential) {
  const i = c.indexOf(':');
  if (i <= 0 || i === c.length - 1) usage(`--credential ${JSON.stringify(c)}: expected ID:SECRET, both non-empty`);
}

let emulator;
try {
  emulator = await startEmulator({
    host: values.host,
    port,
    credentials: values.credential,
    log: values.log,
  });
} catch (e) {
  console.error(`slb-msgroup emulate: cannot listen on ${values.host}:${port}: ${e.message}`);
  process.exit(1);
}
process.stdout.write(`${emulator.url}\n`);
for (const n of startupNotices(emulator.url, values.credential)) console.error(n);

let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  console.error('slb-msgroup emulate: shutting down');
  await emulator.close();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
