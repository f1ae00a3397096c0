// A loopback webhook receiver for the development start: verifies Standard Webhooks signatures,
// drops repeated webhook-ids, and keeps the last events for GET /events.
import { createServer } from 'node:http';
import { Webhook } from 'standardwebhooks';

export function startWebhookReceiver({ port, secret, log }) {
  const verifier = new Webhook(secret);
  const seen = new Set();
  const events = [];
  const server = createServer((req, res) => {
    if (req.method === 'GET' && req.url === '/events') {
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(events.slice(-50)));
      return;
    }
    if (req.method !== 'POST') {
      res.writeHead(405).end();
      return;
    }
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      try {
        const event = verifier.verify(body, req.headers);
        const id = req.headers['webhook-id'];
        if (!seen.has(id)) {
          seen.add(id);
          events.push({ receivedAt: new Date().toISOString(), event });
          log(`received ${event.type} ${event.id}`);
        }
        res.writeHead(204).end();
      } catch (error) {
        res.writeHead(401, { 'content-type': 'text/plain' }).end(`signature rejected: ${error.message}`);
      }
    });
  });
  return new Promise((resolvePromise) => server.listen(port, '127.0.0.1', () => resolvePromise(server)));
}
