// The emulator on node:http around the package's wasm handler (the same handler as the Rust
// `slb-msgroup emulate`): this file only moves bytes and enforces the transport's limits, with
// node:http's own options for the header timeout and size.
import { createServer } from 'node:http';
import { createRequire } from 'node:module';

// The handler lives in the `slb-msgroup/check` build (it runs the check engine's gateway), loaded
// on the first start: importing `slb-msgroup` alone never pays for it.
const require = createRequire(import.meta.url);
let engine;
const wasm = () => (engine ??= require('./pkg/node/slb_msgroup_check.js'));

/** The largest request body read (bigger ones get 413), as in the Rust server. */
export const BODY_CAP = 1024 * 1024;
const HEADER_TIMEOUT_MS = 5_000;
const BODY_TIMEOUT_MS = 10_000;
const MAX_HEADER_SIZE = 64 * 1024;

function send(res, answer, close) {
  const headers = Object.fromEntries(answer.headers);
  const body = Buffer.from(answer.body, 'utf8');
  headers['Content-Length'] = String(body.length);
  if (close) headers.Connection = 'close';
  res.writeHead(answer.status, headers);
  res.end(body);
}

/**
 * Starts the emulator. Resolves to `{ url, port, groups(), close() }`.
 * @param {{ host?: string, port?: number, credentials?: string[], log?: 'text' | 'json' | false | ((line: string) => void) }} [options]
 */
export function startEmulator({ host = '127.0.0.1', port = 8090, credentials = [], log = false } = {}) {
  if (!Array.isArray(credentials)) {
    throw new TypeError('startEmulator: credentials must be an array of "ID:SECRET" strings');
  }
  const format = log === 'json' ? 'json' : 'text';
  const handle = wasm().emulatorNew(credentials.map(String), format);
  const write =
    typeof log === 'function'
      ? log
      : log
        ? (line) => process.stdout.write(`${line}\n`)
        : () => {};

  const server = createServer(
    {
      headersTimeout: HEADER_TIMEOUT_MS,
      requestTimeout: HEADER_TIMEOUT_MS + BODY_TIMEOUT_MS,
      maxHeaderSize: MAX_HEADER_SIZE,
      connectionsCheckingInterval: 1_000,
    },
    (req, res) => {
      const target = req.url ?? '/';
      const q = target.indexOf('?');
      const path = q < 0 ? target : target.slice(0, q);
      const query = q < 0 ? '' : target.slice(q + 1);
      const refuse = (status, code, message) => {
        const answer = wasm().emulatorTransportError(handle, req.method ?? '', path, query, status, code, message);
        write(answer.log);
        send(res, answer, true);
        req.resume();
      };
      const declared = Number(req.headers['content-length']);
      if (Number.isFinite(declared) && declared > BODY_CAP) {
        refuse(413, 'RequestEntityTooLarge', `The request body is larger than ${BODY_CAP} bytes.`);
        return;
      }
      const chunks = [];
      let size = 0;
      let done = false;
      const timer = setTimeout(() => {
        if (done) return;
        done = true;
        refuse(408, 'RequestTimeout', 'The request body did not arrive in time.');
      }, BODY_TIMEOUT_MS);
      req.on('data', (chunk) => {
        if (done) return;
        size += chunk.length;
        if (size > BODY_CAP) {
          done = true;
          clearTimeout(timer);
          refuse(413, 'RequestEntityTooLarge', `The request body is larger than ${BODY_CAP} bytes.`);
          return;
        }
        chunks.push(chunk);
      });
      req.on('error', () => {
        done = true;
        clearTimeout(timer);
      });
      req.on('end', () => {
        if (done) return;
        done = true;
        clearTimeout(timer);
        const answer = wasm().emulatorHandle(
          handle,
          req.method ?? '',
          path,
          query,
          req.rawHeaders,
          new Uint8Array(Buffer.concat(chunks)),
        );
        write(answer.log);
        send(res, answer, false);
      });
    },
  );

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      const address = server.address();
      const shown = address.family === 'IPv6' ? `[${address.address}]` : address.address;
      resolve({
        url: `http://${shown}:${address.port}`,
        port: address.port,
        groups: () => wasm().emulatorGroups(handle),
        close: () =>
          new Promise((done) => {
            server.close(() => {
              wasm().emulatorFree(handle);
              done();
            });
            server.closeIdleConnections();
            setTimeout(() => server.closeAllConnections(), 5_000).unref();
          }),
      });
    });
  });
}

/** What the emulator says on startup (stderr), as the Rust server does. */
export function startupNotices(url, credentials) {
  const notices = [];
  if (credentials.length === 0) {
    notices.push('no --credential given: any AccessKeyId is accepted and signatures are not verified');
  } else {
    notices.push(
      `${credentials.length} credential(s): unknown AccessKeyIds are refused and every signature is verified`,
    );
  }
  notices.push(`created groups at ${url}/_emulator/groups; Ctrl-C stops`);
  return notices.map((n) => `slb-msgroup emulate: ${n}`);
}
