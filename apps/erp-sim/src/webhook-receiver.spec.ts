import type { ServerResponse } from 'node:http';
import { Webhook } from 'standardwebhooks';
import { WebhookReceiver } from './webhook-receiver';

const SECRET = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';

function fakeResponse() {
  const res = { status: 0, writeHead(status: number) { res.status = status; return res; }, end() { return res; } };
  return res;
}

function signed(id: string, body: string, secret = SECRET, now = new Date()) {
  return {
    'webhook-id': id,
    'webhook-timestamp': String(Math.floor(now.getTime() / 1000)),
    'webhook-signature': new Webhook(secret).sign(id, now, body),
  };
}

describe('WebhookReceiver', () => {
  it('stores a correctly signed event once and counts the repeat', () => {
    const receiver = new WebhookReceiver(SECRET);
    const body = JSON.stringify({ id: 'e1', type: 't' });
    const first = fakeResponse();
    receiver.handle(body, signed('e1', body), first as unknown as ServerResponse);
    const second = fakeResponse();
    receiver.handle(body, signed('e1', body), second as unknown as ServerResponse);
    expect([first.status, second.status]).toEqual([204, 204]);
    expect(receiver.events).toHaveLength(1);
    expect(receiver.duplicates).toBe(1);
  });

  it('rejects a wrong signature and stores nothing', () => {
    const receiver = new WebhookReceiver(SECRET);
    const body = '{"id":"e2"}';
    const res = fakeResponse();
    receiver.handle(body, signed('e2', body, 'whsec_QUFBQUFBQUFBQUFBQUFBQUFBQUE='), res as unknown as ServerResponse);
    expect(res.status).toBe(401);
    expect(receiver.events).toHaveLength(0);
    expect(receiver.rejected).toBe(1);
  });

  it('rejects a tampered body and stores nothing', () => {
    const receiver = new WebhookReceiver(SECRET);
    const body = '{"id":"e3","data":{"netTotal":"100.00"}}';
    const headers = signed('e3', body);
    const res = fakeResponse();
    receiver.handle(body.replace('100.00', '1.00'), headers, res as unknown as ServerResponse);
    expect(res.status).toBe(401);
    expect(receiver.events).toHaveLength(0);
  });

  it('rejects a correctly signed event whose timestamp is more than five minutes old', () => {
    const receiver = new WebhookReceiver(SECRET);
    const body = '{"id":"e4"}';
    const res = fakeResponse();
    receiver.handle(body, signed('e4', body, SECRET, new Date(Date.now() - 5 * 60_000 - 10_000)), res as unknown as ServerResponse);
    expect(res.status).toBe(401);
    expect(receiver.rejected).toBe(1);
    expect(receiver.events).toHaveLength(0);
  });

  it('accepts a signature a little under five minutes old', () => {
    const receiver = new WebhookReceiver(SECRET);
    const body = '{"id":"e5"}';
    const res = fakeResponse();
    receiver.handle(body, signed('e5', body, SECRET, new Date(Date.now() - 4 * 60_000)), res as unknown as ServerResponse);
    expect(res.status).toBe(204);
    expect(receiver.events).toHaveLength(1);
  });
});
