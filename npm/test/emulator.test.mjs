// The emulator on node:http (startEmulator and the bin): the same handler as the Rust server,
// the same first line and log lines, the transport's limits, and bad input.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { connect } from 'node:net';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';

import { buildRequest, startEmulator } from 'slb-msgroup';

const REQUEST = {
  RegionId: 'cn-hangzhou',
  LoadBalancerId: 'lb-bp1hv944r69al4j9jkmvx',
  MasterSlaveBackendServers: JSON.stringify([
    { ServerId: 'i-a', Port: 80 },
    { ServerId: 'i-b', Port: 80, ServerType: 'Slave' },
  ]),
  MasterSlaveServerGroupName: '主备',
};

/** A valid request's query as a v1 client sends it: signed now, with a fresh nonce. */
const valid = (secret = 'testsecret') =>
  new URL(buildRequest(REQUEST, { accessKeyId: 'testid', accessKeySecret: secret }).url).search.slice(1);

/** Raw bytes in, everything the server sends until it closes (or 20 s) out. */
function raw(port, bytes) {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    const chunks = [];
    socket.on('data', (c) => chunks.push(c));
    socket.on('error', () => {});
    socket.on('close', () => resolve(Buffer.concat(chunks).toString('latin1')));
    socket.setTimeout(20_000, () => socket.destroy());
    socket.write(bytes, () => {});
  });
}

const statusOf = (text) => (text.startsWith('HTTP/1.1 ') ? Number(text.slice(9, 12)) : null);

test('answers like the service and keeps the groups', async () => {
  const lines = [];
  const emu = await startEmulator({ port: 0, log: (l) => lines.push(l) });
  try {
    assert.match(emu.url, /^http:\/\/127\.0\.0\.1:\d+$/);
    const ok = await fetch(`${emu.url}/?${valid()}`);
    assert.equal(ok.status, 200);
    assert.equal(ok.headers.get('content-type'), 'application/json;charset=utf-8');
    const body = await ok.json();
    assert.match(body.MasterSlaveServerGroupId, /^rsp-[a-z0-9]{13}$/);
    assert.equal(body.MasterSlaveBackendServers.MasterSlaveBackendServer[1].ServerType, 'Slave');

    const bad = await fetch(`${emu.url}/?${valid().replace('%3A80%7D', '%3A70000%7D').replace('Format=JSON', 'Format=XML')}`);
    assert.equal(bad.status, 400);
    assert.equal(bad.headers.get('content-type'), 'text/xml;charset=utf-8');
    assert.match(await bad.text(), /<Code>RealServerPortNotSupport<\/Code>/);

    const groups = emu.groups();
    assert.equal(groups.length, 1);
    assert.equal(groups[0].MasterSlaveServerGroupId, body.MasterSlaveServerGroupId);
    assert.equal(groups[0].MasterSlaveServerGroupName, '主备');
    const listed = await (await fetch(`${emu.url}/_emulator/groups`)).json();
    assert.equal(listed.MasterSlaveServerGroups.length, 1);
    assert.equal((await fetch(`${emu.url}/_emulator/health`)).status, 200);

    assert.match(lines[0], /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ GET \/ CreateMasterSlaveServerGroup 200 -$/);
    assert.match(lines[1], / 400 RealServerPortNotSupport$/);
  } finally {
    await emu.close();
  }
});

test('bad input gets a 4xx or a closed connection, and the next request is answered', async () => {
  const emu = await startEmulator({ port: 0 });
  const alive = async () => assert.equal((await fetch(`${emu.url}/?${valid()}`)).status, 200);
  try {
    const cases = [
      ['garbage', Buffer.from('\x00\x01\x02\xff garbage \r\n\r\n', 'latin1'), 400],
      ['invalid percent-encoding', `GET /?${valid()}&RegionId=%zz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`, 400],
      ['percent-encoded non-UTF-8', `GET /?${valid()}&MasterSlaveServerGroupName=%FF HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`, 400],
      [
        'a form body that is not UTF-8',
        Buffer.concat([
          Buffer.from('POST / HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 4\r\nConnection: close\r\n\r\n'),
          Buffer.from([0xff, 0xfe, 0x3d, 0x80]),
        ]),
        400,
      ],
      [
        'a 10 MiB body',
        Buffer.concat([
          Buffer.from('POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 10485760\r\n\r\n'),
          Buffer.alloc(10 * 1024 * 1024, 0x61),
        ]),
        413,
      ],
      [
        'a 10 MiB chunked body',
        Buffer.concat([
          Buffer.from('POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n'),
          ...Array.from({ length: 160 }, () =>
            Buffer.concat([Buffer.from('10000\r\n'), Buffer.alloc(0x10000, 0x61), Buffer.from('\r\n')]),
          ),
          Buffer.from('0\r\n\r\n'),
        ]),
        413,
      ],
      [
        'headers past the cap',
        `GET / HTTP/1.1\r\nHost: x\r\n${Array.from({ length: 20_000 }, (_, i) => `X-Filler-${i}: zzzzzzzzzzzzzzzzzzzz\r\n`).join('')}\r\n`,
        431,
      ],
    ];
    for (const [name, bytes, expected] of cases) {
      const text = await raw(emu.port, bytes);
      assert.equal(statusOf(text), expected, `${name}: ${text.slice(0, 300)}`);
      await alive();
    }
  } finally {
    await emu.close();
  }
});

test('headers that never end are cut off', async () => {
  const emu = await startEmulator({ port: 0 });
  try {
    const started = Date.now();
    const socket = connect(emu.port, '127.0.0.1');
    socket.on('error', () => {});
    socket.write('GET / HTTP/1.1\r\nHost: x\r\n');
    let answered = false;
    socket.on('data', () => (answered = true));
    socket.on('end', () => (answered = true));
    const timer = setInterval(() => {
      if (!answered && socket.writable) socket.write(`X-Slow: ${Date.now()}\r\n`, () => {});
    }, 1000);
    await once(socket, 'close');
    clearInterval(timer);
    assert.ok(Date.now() - started < 15_000, `${Date.now() - started} ms`);
    assert.equal((await fetch(`${emu.url}/?${valid()}`)).status, 200);
  } finally {
    await emu.close();
  }
});

test('the bin: first line the URL, JSON log lines, a clean stop on SIGTERM', async () => {
  const bin = fileURLToPath(new URL('../bin/slb-msgroup.mjs', import.meta.url));
  const child = spawn(process.execPath, [bin, 'emulate', '--port', '0', '--log', 'json', '--credential', 'testid:testsecret']);
  let out = '';
  let err = '';
  child.stderr.on('data', (c) => (err += c));
  const firstLine = await new Promise((resolve) => {
    child.stdout.on('data', (c) => {
      out += c;
      if (out.includes('\n')) resolve(out.split('\n')[0]);
    });
  });
  assert.match(firstLine, /^http:\/\/127\.0\.0\.1:\d+$/);
  assert.equal((await fetch(`${firstLine}/?${valid()}`)).status, 200);
  await new Promise((r) => setTimeout(r, 100));
  const log = JSON.parse(out.split('\n')[1]);
  assert.equal(log.action, 'CreateMasterSlaveServerGroup');
  assert.equal(log.status, 200);
  child.kill('SIGTERM');
  const [code] = await once(child, 'exit');
  assert.equal(code, 0);
  assert.match(err, /credential/);
  assert.match(err, /shutting down/);
});

test('misuse throws', async () => {
  await assert.rejects(async () => startEmulator({ port: 0, credentials: ['nocolon'] }), /ID:SECRET/);
  assert.throws(() => startEmulator({ credentials: 'testid:testsecret' }), /array/);
});
