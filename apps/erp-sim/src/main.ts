import { createServer } from 'node:http';
import { FaultConfigError, FaultInjector, NO_FAULTS, parseFaultConfig } from './faults';
import { json, readBody, type SimMount } from './http';
import { netsuiteSimFromEnv } from './netsuite';
import { createSapSimulator } from './sap/sap-simulator';
import { WebhookReceiver } from './webhook-receiver';

/**
 * Loopback ERP simulators for the demo, tests and benchmarks, one server: each simulator is a
 * mount under its own path prefix and shares the run's fault injector (`GET/PUT /_faults`).
 */
const port = Number(process.env['ERP_SIM_PORT'] ?? 3100);
const host = process.env['ERP_SIM_HOST'] ?? '127.0.0.1';
const secret = process.env['ERP_SIM_WEBHOOK_SECRET'] ?? '';
if (!/^whsec_[A-Za-z0-9+/=]{16,}$/.test(secret)) {
  process.stderr.write('ERP_SIM_WEBHOOK_SECRET must be a Standard Webhooks secret (whsec_<base64>)\n');
  process.exit(2);
}

let initialFaults = NO_FAULTS;
try {
  if (process.env['ERP_SIM_FAULTS']) initialFaults = parseFaultConfig(JSON.parse(process.env['ERP_SIM_FAULTS']));
} catch (error) {
  process.stderr.write(`ERP_SIM_FAULTS: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(2);
}
const faults = new FaultInjector(initialFaults);
const receiver = new WebhookReceiver(secret);

const webhooks: SimMount = {
  prefix: '/webhooks',
  async handle(req, res, url) {
    if (req.method === 'GET' && url.pathname === '/webhooks/events') {
      json(res, 200, { events: receiver.events, duplicates: receiver.duplicates, rejected: receiver.rejected });
      return true;
    }
    if (req.method === 'POST' && url.pathname === '/webhooks') {
      const body = await readBody(req);
      receiver.handle(body, req.headers, res);
      return true;
    }
    return false;
  },
};

/** Every simulator, by path prefix. */
const mounts: SimMount[] = [webhooks, netsuiteSimFromEnv(faults, process.env)];
mounts.push(createSapSimulator({ faults, credentials: { username: process.env['ERP_SIM_SAP_USERNAME'], password: process.env['ERP_SIM_SAP_PASSWORD'], clientId: process.env['ERP_SIM_SAP_CLIENT_ID'], clientSecret: process.env['ERP_SIM_SAP_CLIENT_SECRET'] } }));

const server = createServer((req, res) => {
  const url = new URL(req.url ?? '/', `http://${host}`);
  const answer = async (): Promise<void> => {
    if (req.method === 'GET' && url.pathname === '/health') return json(res, 200, { status: 'ok' });
    if (url.pathname === '/_faults') {
      if (req.method === 'GET') return json(res, 200, { config: faults.config, counts: faults.counts });
      if (req.method === 'PUT') {
        try {
          faults.configure(parseFaultConfig(JSON.parse(await readBody(req)), NO_FAULTS));
          return json(res, 200, { config: faults.config });
        } catch (error) {
          const message = error instanceof FaultConfigError || error instanceof SyntaxError ? error.message : 'invalid fault config';
          return json(res, 400, { error: message });
        }
      }
    }
    const mount = mounts.find((m) => url.pathname === m.prefix || url.pathname.startsWith(`${m.prefix}/`));
    if (mount && (await mount.handle(req, res, url))) return;
    json(res, 404, { error: 'not found' });
  };
  answer().catch((error: unknown) => {
    if (!res.headersSent) json(res, 500, { error: error instanceof Error ? error.message : 'simulator error' });
  });
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


