// Records what each official client sends for one fixed, valid, signed request (id `testid`,
// secret `testsecret`, fixed nonce and timestamp) into core/tests/fixtures/captures/<mode>.http.
//
//   node clients/capture.mjs [python]     (python: the venv's, default target/clients-venv/bin/python)
//
// Run `cargo xtask setup` first (it installs the clients).
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { call, requestOf } from './drive.mjs';
import { startRecorder } from './recorder.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = dirname(here);
const out = join(root, 'core/tests/fixtures/captures');
const python = process.argv[2] ?? join(root, 'target/clients-venv/bin/python');

export const TIMESTAMP = '2026-12-06T12:00:00Z';
const NONCES = {
  'pop-core-get': '1f3a6c0e9b2d4e8fa1c3e5f7092b4d6e',
  'pop-core-post': '2e4b7d1f0a3c5e9fb2d4f6081a3c5e7f',
  'tea-node': '3d5c8e2a1b4d6f0ac3e5071b2d4f6a8b',
  'sdk-core-python': '4c6d9f3b2c5e7a1bd4f6182c3e5a7b9c',
  'tea-python': '5b7eaf4c3d6f8b2ce5a7293d4f6b8cad',
};

mkdirSync(out, { recursive: true });
const rec = await startRecorder();
try {
  for (const mode of Object.keys(NONCES)) {
    const before = rec.requests.length;
    const opts = { nonce: NONCES[mode], timestamp: TIMESTAMP };
    let result;
    if (mode.endsWith('-python')) {
      const script = [
        'import json, sys',
        `sys.path.insert(0, ${JSON.stringify(here)})`,
        'import drive',
        `r = drive.call(${JSON.stringify(mode)}, ${JSON.stringify(rec.url)}, "testid", "testsecret",`,
        `    drive.request_of("valid"), nonce=${JSON.stringify(opts.nonce)}, timestamp=${JSON.stringify(opts.timestamp)})`,
        'print(json.dumps(r))',
      ].join('\n');
      // Asynchronously: the recorder answers from this process's event loop.
      const { stdout } = await promisify(execFile)(python, ['-c', script], { encoding: 'utf8' });
      result = JSON.parse(stdout);
    } else {
      result = await call(mode, rec.url, 'testid', 'testsecret', requestOf('valid'), opts);
    }
    if (!result.ok || rec.requests.length !== before + 1) {
      throw new Error(`${mode}: ${JSON.stringify(result)} (${rec.requests.length - before} requests)`);
    }
    const file = join(out, `${mode}.http`);
    writeFileSync(file, rec.requests[before]);
    console.log(`${mode}: ${file.slice(root.length + 1)} (${rec.requests[before].length} bytes)`);
  }
} finally {
  await rec.close();
}
