import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { WebhookReceiver } from './webhook-receiver';

/**
 * Loopback ERP simulators for the demo, tests and benchmarks. Today: a webhook receiver at
 * POST /webhooks with GET /webhooks/events to read what arrived.
 */
const port = Number(process.env['ERP_SIM_PORT'] ?? 3100);
const host = process.env['ERP_SIM_HOST'] ?? '127.0.0.1';
const secret = process.env['ERP_SIM_WEBHOOK_SECRET'] ?? '';
if (!/^whsec_[A-Za-z0-9+/=]{16,}$/.test(secret)) {
  process.stderr.write('ERP_SIM_WEBHOOK_SECRET must be a Standard Webhooks secret (whsec_<base64>)\n');
  process.exit(2);
}
const receiver = new WebhookReceiver(secret);

function readBody(req: IncomingMessage, limit = 5 * 1024 * 1024): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        reject(new Error('body too large'));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}

const server = createServer((req, res) => {
  const url = new URL(req.url ?? '/', `http://${host}`);
  if (req.method === 'GET' && url.pathname === '/health') return json(res, 200, { status: 'ok' });
  if (req.method === 'GET' && url.pathname === '/webhooks/events') {
    return json(res, 200, { events: receiver.events, duplicates: receiver.duplicates, rejected: receiver.rejected });
  }
  if (req.method === 'POST' && url.pathname === '/webhooks') {
    readBody(req)
      .then((body) => receiver.handle(body, req.headers, res))
      .catch(() => json(res, 413, { error: 'body too large' }));
    return;
  }
  json(res, 404, { error: 'not found' });
});

server.listen(port, host, () => {
  process.stdout.write(JSON.stringify({ level: 'info', service: 'erp-sim', msg: `ERP simulator listening on http://${host}:${port}` }) + '\n');
});

const stop = () => {
  server.close(() => process.exit(0));
  // Keep-alive connections from connectors would otherwise hold the server open.
  server.closeAllConnections();
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
