import { createServer, type Server } from 'node:http';
import { type AddressInfo } from 'node:net';
import { Counter, collectDefaultMetrics, Histogram, Registry } from 'prom-client';

/** One registry per connector process (never prom-client's global one, so tests can run several). */
export class ConnectorMetrics {
  readonly registry = new Registry();
  /** Final outcome of each job: succeeded, skipped, dead_letter. */
  readonly jobs: Counter<'connector' | 'job' | 'outcome'>;
  /** Every attempt and how it ended: succeeded, skipped, retry, rate_limited, dead_letter. */
  readonly attempts: Counter<'connector' | 'job' | 'outcome'>;
  readonly erpRequestSeconds: Histogram<'connector' | 'operation' | 'status'>;
  readonly rateLimitWaits: Counter<'connector'>;
  readonly rateLimitWaitSeconds: Counter<'connector'>;

  constructor(withDefaults = false) {
    const registers = [this.registry];
    this.jobs = new Counter({ name: 'signet_connector_jobs_total', help: 'Jobs finished, by final outcome', labelNames: ['connector', 'job', 'outcome'], registers });
    this.attempts = new Counter({ name: 'signet_connector_attempts_total', help: 'Job attempts, by how each ended', labelNames: ['connector', 'job', 'outcome'], registers });
    this.erpRequestSeconds = new Histogram({
      name: 'signet_connector_erp_request_duration_seconds',
      help: 'Duration of requests to the ERP',
      labelNames: ['connector', 'operation', 'status'],
      buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
      registers,
    });
    this.rateLimitWaits = new Counter({ name: 'signet_connector_rate_limit_waits_total', help: 'Times the ERP asked us to wait (429)', labelNames: ['connector'], registers });
    this.rateLimitWaitSeconds = new Counter({ name: 'signet_connector_rate_limit_wait_seconds_total', help: 'Seconds the queue was paused for rate limits', labelNames: ['connector'], registers });
    if (withDefaults) collectDefaultMetrics({ register: this.registry });
  }
}

/** Serves `GET /metrics` in the Prometheus text format; resolves once listening. */
export function serveMetrics(metrics: ConnectorMetrics, port: number, host = '0.0.0.0'): Promise<{ server: Server; port: number; close(): Promise<void> }> {
  const server = createServer((req, res) => {
    if (req.method === 'GET' && req.url?.split('?')[0] === '/metrics') {
      metrics.registry
        .metrics()
        .then((text) => res.writeHead(200, { 'content-type': metrics.registry.contentType }).end(text))
        .catch(() => res.writeHead(500).end());
      return;
    }
    res.writeHead(404).end();
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () =>
      resolve({
        server,
        port: (server.address() as AddressInfo).port,
        close: () => new Promise<void>((done) => server.close(() => done())),
      }),
    );
  });
}
