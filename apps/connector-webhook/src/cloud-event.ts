/** A CloudEvents 1.0 event in structured JSON mode. */
export interface CloudEvent<T> {
  specversion: '1.0';
  id: string;
  source: string;
  type: string;
  time: string;
  datacontenttype: 'application/json';
  subject?: string;
  data: T;
}

export const EVENT_SOURCE = '/signet';

export function cloudEvent<T>(input: { id: string; type: string; time: string; subject?: string; data: T }): CloudEvent<T> {
  return {
    specversion: '1.0',
    id: input.id,
    source: EVENT_SOURCE,
    type: input.type,
    time: input.time,
    datacontenttype: 'application/json',
    ...(input.subject ? { subject: input.subject } : {}),
    data: input.data,
  };
}

/** `order.activated` → `com.signet.order.activated.v1`: reverse-DNS prefix, event version as suffix. */
export function eventType(syncEventType: string, version = 1): string {
  return `com.signet.${syncEventType}.v${version}`;
}
