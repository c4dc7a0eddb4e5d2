// A tiny recording server on node:http: it answers every request with a plausible JSON success
// body and keeps each request as raw HTTP text (request line, headers as sent, blank line, body).
import { createServer } from 'node:http';

export const SUCCESS_BODY = JSON.stringify({
  RequestId: '9DEC9C28-AB05-4DDF-9A78-6B08EC9CE18C',
  MasterSlaveServerGroupId: 'rsp-0xiju72xwnr93',
  MasterSlaveBackendServers: {
    MasterSlaveBackendServer: [
      { ServerId: 'i-bp1aaaaaaaaaaaaaaaaa', Port: 80, Weight: 100, ServerType: 'Master', Type: 'ecs' },
      { ServerId: 'i-bp1bbbbbbbbbbbbbbbbb', Port: 90, Weight: 50, ServerType: 'Slave', Type: 'ecs' },
    ],
  },
});

/// Resolves to `{ url, port, requests, close() }`; `requests` fills with Buffers of raw HTTP.
export function startRecorder() {
  const requests = [];
  const server = createServer((req, res) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      let head = `${req.method} ${req.url} HTTP/${req.httpVersion}\r\n`;
      for (let i = 0; i < req.rawHeaders.length; i += 2) {
        head += `${req.rawHeaders[i]}: ${req.rawHeaders[i + 1]}\r\n`;
      }
      requests.push(Buffer.concat([Buffer.from(`${head}\r\n`, 'utf8'), ...chunks]));
      res.writeHead(200, { 'Content-Type': 'application/json;charset=utf-8' });
      res.end(SUCCESS_BODY);
    });
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      resolve({
        url: `http://127.0.0.1:${port}`,
        port,
        requests,
        close: () =>
          new Promise((r) => {
            server.closeAllConnections?.();
            server.close(() => r());
          }),
      });
    });
  });
}
