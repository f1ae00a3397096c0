import type { ConnectorId } from '@signet/sync-contracts';
import type { ErpHttp } from './erp-http';
import type { Logger } from './logger';

/** What a job is about, for its result (the ledger is keyed by object and connector). */
export interface JobSubject {
  objectType: string;
  objectId: string;
  eventId?: string;
}

/** A handler's successful outcome. Failures are thrown (ConnectorError), never returned. */
export interface HandlerOutcome {
  status: 'succeeded' | 'skipped';
  /** The ERP's document id (SAP sales order number, NetSuite internal id…). */
  erpId?: string;
  erpStatus?: string;
  erpTotal?: string;
  /** Why nothing was sent (for `skipped`). */
  reason?: string;
  detail?: Record<string, unknown>;
}

export interface JobContext {
  connector: ConnectorId;
  jobId: string;
  /** 1 for the first attempt; rate-limited tries do not count. */
  attempt: number;
  maxAttempts: number;
  now(): Date;
  log: Logger;
  http: ErpHttp;
  /** Records the body about to be sent to the ERP: its sha256 goes on the result, success or failure. */
  sent(body: string): void;
}

export interface JobHandler<T = unknown> {
  /** false for housekeeping jobs (e.g. inbound polls) that are not about a synced object: no result is published. */
  reportsResult?: boolean;
  /** Validates the job data (throw PayloadError: unrecoverable). */
  parse(data: unknown): T;
  subject(payload: T): JobSubject;
  run(payload: T, ctx: JobContext): Promise<HandlerOutcome>;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a table of handlers of different payload types
export type HandlerTable = Readonly<Record<string, JobHandler<any>>>;

/** Startup check: exactly one handler per job name of the queue, and none for other names. */
export function assertHandlers(jobNames: readonly string[], handlers: HandlerTable): void {
  const missing = jobNames.filter((name) => !handlers[name]);
  const extra = Object.keys(handlers).filter((name) => !jobNames.includes(name));
  if (missing.length || extra.length) {
    throw new Error(`Handler table mismatch: missing [${missing.join(', ')}], unexpected [${extra.join(', ')}]`);
  }
}
