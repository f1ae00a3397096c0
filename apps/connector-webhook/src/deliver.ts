import { ConnectorError, type ErpHttp } from '@signet/connector-core';
import { Webhook } from 'standardwebhooks';
import type { CloudEvent } from './cloud-event';
import type { WebhookTarget } from './settings';

export interface DeliveryOutcome {
  url: string;
  ok: boolean;
  status: number | null;
  /** Whether trying again could help (network errors, timeouts, 408, 429 and 5xx). */
  retryable: boolean;
  error?: string;
}

/**
 * Posts one signed event to one target. The `webhook-id` is the event id on every attempt, so a
 * receiver that saw it before (a timeout after it committed) drops the repeat.
 */
export async function deliver(http: ErpHttp, target: WebhookTarget, event: CloudEvent<unknown>, body: string, now: Date): Promise<DeliveryOutcome> {
  const signature = new Webhook(target.secret).sign(event.id, now, body);
  try {
    const response = await http.request('deliver', target.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/cloudevents+json',
        'webhook-id': event.id,
        'webhook-timestamp': String(Math.floor(now.getTime() / 1000)),
        'webhook-signature': signature,
      },
      body,
    });
    const ok = response.status >= 200 && response.status < 300;
    return {
      url: target.url,
      ok,
      status: response.status,
      retryable: !ok && (response.status === 408 || response.status === 429 || response.status >= 500),
      ...(ok ? {} : { error: `HTTP ${response.status}` }),
    };
  } catch (error) {
    if (error instanceof ConnectorError) return { url: target.url, ok: false, status: null, retryable: error.kind !== 'unrecoverable', error: error.message };
    throw error;
  }
}
