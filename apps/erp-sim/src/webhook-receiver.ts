import type { IncomingMessage, ServerResponse } from 'node:http';
import { Webhook } from 'standardwebhooks';

export interface ReceivedEvent {
  receivedAt: string;
  webhookId: string;
  event: unknown;
}

/**
 * A webhook receiver as a careful subscriber builds one: verifies the Standard Webhooks
 * signature, and drops a repeated `webhook-id` (a retry after a timeout) without storing it twice.
 */
export class WebhookReceiver {
  private readonly verifier: Webhook;
  private readonly seen = new Set<string>();
  readonly events: ReceivedEvent[] = [];
  duplicates = 0;
  rejected = 0;

  constructor(secret: string) {
    this.verifier = new Webhook(secret);
  }

  handle(body: string, headers: IncomingMessage['headers'], res: ServerResponse): void {
    const flat: Record<string, string> = {};
    for (const [k, v] of Object.entries(headers)) if (typeof v === 'string') flat[k] = v;
    let event: unknown;
    try {
      event = this.verifier.verify(body, flat);
    } catch (error) {
      this.rejected += 1;
      res.writeHead(401, { 'content-type': 'text/plain' }).end(`signature rejected: ${error instanceof Error ? error.message : String(error)}`);
      return;
    }
    const id = flat['webhook-id'] ?? '';
    if (this.seen.has(id)) {
      this.duplicates += 1;
    } else {
      this.seen.add(id);
      this.events.push({ receivedAt: new Date().toISOString(), webhookId: id, event });
    }
    res.writeHead(204).end();
  }
}
