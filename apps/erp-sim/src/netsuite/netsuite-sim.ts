import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FaultInjector } from '../faults';
import { json, readBody, type SimMount } from '../http';
import { sendError, ValidationFailure } from './netsuite-errors';
import { SalesOrderStore } from './sales-order-store';
import { type TbaCredentials, TbaVerifier } from './tba-verifier';

export const NETSUITE_PREFIX = '/netsuite';
const RECORD = `${NETSUITE_PREFIX}/services/rest/record/v1/salesOrder`;

export interface NetsuiteSimOptions {
  credentials: TbaCredentials;
  /** Requests NetSuite serves at once for the account; more get CONCURRENCY_LIMIT_EXCEEDED. */
  concurrencyLimit: number;
  now?: () => Date;
}

export interface NetsuiteSim extends SimMount {
  store: SalesOrderStore;
  stats: { authRejected: number; concurrencyRejected: number; validationRejected: number };
}

/** How long a "timeout after commit" holds the connection before giving up on it. */
const HOLD_MS = 120_000;

/**
 * The REST record service subset the connector uses: signed (TBA) upsert by external id, read
 * back by external id, a list, NetSuite-shaped errors, and the run's faults on writes.
 */
export function createNetsuiteSim(faults: FaultInjector, options: NetsuiteSimOptions): NetsuiteSim {
  const store = new SalesOrderStore();
  const verifier = new TbaVerifier(options.credentials);
  const now = options.now ?? (() => new Date());
  const stats = { authRejected: 0, concurrencyRejected: 0, validationRejected: 0 };
  let inFlight = 0;
  let rateLimits = 0;

  const authorised = (req: IncomingMessage, res: ServerResponse, url: URL): boolean => {
    // Sign-checking uses the URL as the caller addressed it, host and port included.
    const addressed = new URL(`${url.pathname}${url.search}`, `http://${req.headers.host ?? url.host}`);
    const check = verifier.verify(req.method ?? 'GET', addressed, req.headers.authorization, now());
    if (check.ok) return true;
    stats.authRejected += 1;
    sendError(res, 401, 'INVALID_LOGIN', `Invalid login attempt (${check.reason}). For more details, see the Login Audit Trail in the NetSuite UI.`);
    return false;
  };

  const put = async (req: IncomingMessage, res: ServerResponse, externalId: string): Promise<void> => {
    const body = await readBody(req);
    await faults.delay();
    const fate = faults.decide();
    if (fate === 'drop') {
      req.socket.destroy();
      return;
    }
    if (fate === 'error') return sendError(res, 500, 'UNEXPECTED_ERROR', 'An unexpected error occurred. Error ID: sim-' + Date.now().toString(36));
    if (fate === 'rate-limit') {
      // Alternate NetSuite's two ways of saying "too much": a request limit with Retry-After, and a concurrency limit without.
      rateLimits += 1;
      if (rateLimits % 2 === 1) {
        return sendError(res, 429, 'SSS_REQUEST_LIMIT_EXCEEDED', 'Request limit exceeded. Try again later.', { headers: { 'retry-after': String(faults.config.retryAfterSeconds) } });
      }
      return sendError(res, 429, 'CONCURRENCY_LIMIT_EXCEEDED', 'Concurrent request limit exceeded. Request blocked.');
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(body);
    } catch {
      stats.validationRejected += 1;
      return sendError(res, 400, 'INVALID_CONTENT', 'The request body is not valid JSON.');
    }
    let stored;
    try {
      stored = store.upsert(externalId, parsed, now());
    } catch (error) {
      if (!(error instanceof ValidationFailure)) throw error;
      stats.validationRejected += 1;
      return sendError(res, 400, error.code, error.message, { path: error.path });
    }
    if (fate === 'timeout-after-commit') {
      // Stored, but the caller never hears back.
      req.socket.setTimeout(HOLD_MS, () => req.socket.destroy());
      return;
    }
    const location = `http://${req.headers.host}${RECORD}/${stored.order.id}`;
    res.writeHead(204, { location }).end();
  };

  const handle = async (req: IncomingMessage, res: ServerResponse, url: URL): Promise<boolean> => {
    if (req.method === 'GET' && url.pathname === `${NETSUITE_PREFIX}/_orders`) {
      json(res, 200, { orders: store.all, stats, faults: faults.counts });
      return true;
    }
    if (url.pathname !== RECORD && !url.pathname.startsWith(`${RECORD}/`)) return false;
    const key = url.pathname.slice(RECORD.length + 1);
    const eid = key.startsWith('eid:') ? decodeURIComponent(key.slice(4)) : null;
    if (req.method === 'GET' && url.pathname === RECORD) {
      if (!authorised(req, res, url)) return true;
      const limit = Math.max(1, Math.min(1000, Number(url.searchParams.get('limit')) || 1000));
      const items = store.all.slice(0, limit).map((o) => ({ id: o.id, links: [{ rel: 'self', href: `http://${req.headers.host}${RECORD}/${o.id}` }] }));
      json(res, 200, { links: [], count: items.length, hasMore: store.all.length > items.length, items, offset: 0, totalResults: store.all.length });
      return true;
    }
    if (req.method === 'GET' && eid !== null) {
      if (!authorised(req, res, url)) return true;
      const order = store.get(eid);
      if (!order) sendError(res, 404, 'NONEXISTENT_ID', `The record instance does not exist. Provide a valid record instance ID.`, { path: 'id' });
      else json(res, 200, order);
      return true;
    }
    if (req.method === 'PUT' && eid !== null && eid !== '') {
      if (!authorised(req, res, url)) return true;
      if (inFlight >= options.concurrencyLimit) {
        stats.concurrencyRejected += 1;
        sendError(res, 429, 'CONCURRENCY_LIMIT_EXCEEDED', 'Concurrent request limit exceeded. Request blocked.');
        return true;
      }
      inFlight += 1;
      try {
        await put(req, res, eid);
      } finally {
        inFlight -= 1;
      }
      return true;
    }
    return false;
  };

  return { prefix: NETSUITE_PREFIX, handle, store, stats };
}
