import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { type AddressObject, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/** One message as the capturing server received it. */
export interface CapturedMail {
  readonly id: string;
  readonly receivedAt: string;
  /** SMTP envelope sender and recipients (what the server was told, not the headers). */
  readonly envelopeFrom: string;
  readonly envelopeTo: readonly string[];
  readonly from: string;
  readonly to: readonly string[];
  readonly subject: string;
  readonly text: string;
  readonly html: string | null;
  readonly messageId: string | null;
  readonly headers: Readonly<Record<string, string>>;
  readonly size: number;
}

export interface MailCaptureOptions {
  /** Loopback by default: the capture server is for development and tests, never the network. */
  readonly host?: string;
  /** 0 picks a free port. */
  readonly port?: number;
  /** Oldest messages are dropped beyond this many. */
  readonly limit?: number;
  /** Largest accepted message in bytes. */
  readonly maxSize?: number;
}

export interface MailCapture {
  /** `smtp://host:port` — give it to nodemailer as SMTP_URL. */
  readonly url: string;
  readonly port: number;
  /** Newest first. */
  messages(): CapturedMail[];
  get(id: string): CapturedMail | undefined;
  clear(): void;
  /** Resolves with the first message (already received or arriving) that matches. */
  waitFor(match: (mail: CapturedMail) => boolean, timeoutMs?: number): Promise<CapturedMail>;
  stop(): Promise<void>;
}

function addresses(value: AddressObject | AddressObject[] | undefined): string[] {
  const list = Array.isArray(value) ? value : value ? [value] : [];
  return list.flatMap((a) => a.value.map((v) => v.address ?? '').filter(Boolean));
}

/**
 * A real SMTP server on loopback that keeps what it receives in memory: `npm start` runs it
 * inside the API so the console can show captured mail, and tests run it inside the test
 * process to read the messages the API sent. It accepts any sender and recipient.
 */
export async function startMailCapture(options: MailCaptureOptions = {}): Promise<MailCapture> {
  const host = options.host ?? '127.0.0.1';
  const limit = options.limit ?? 500;
  const store: CapturedMail[] = [];
  const waiters = new Set<{ match: (mail: CapturedMail) => boolean; resolve: (mail: CapturedMail) => void }>();

  const server = new SMTPServer({
    name: 'signet-mail-capture',
    banner: 'Signet mail capture (development and tests only)',
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    size: options.maxSize ?? 10 * 1024 * 1024,
    logger: false,
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((parsed) => {
          const mail: CapturedMail = {
            id: randomUUID(),
            receivedAt: new Date().toISOString(),
            envelopeFrom: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            envelopeTo: session.envelope.rcptTo.map((r) => r.address),
            from: addresses(parsed.from)[0] ?? '',
            to: addresses(parsed.to),
            subject: parsed.subject ?? '',
            text: parsed.text ?? '',
            html: typeof parsed.html === 'string' ? parsed.html : null,
            messageId: parsed.messageId ?? null,
            headers: Object.fromEntries(parsed.headerLines.map((h) => [h.key, h.line.slice(h.line.indexOf(':') + 1).trim()])),
            size: parsed.headerLines.reduce((n, h) => n + h.line.length, 0) + (parsed.text?.length ?? 0) + (typeof parsed.html === 'string' ? parsed.html.length : 0),
          };
          store.unshift(mail);
          store.splice(limit);
          for (const waiter of [...waiters]) {
            if (waiter.match(mail)) {
              waiters.delete(waiter);
              waiter.resolve(mail);
            }
          }
          callback();
        })
        .catch((error: Error) => callback(error));
    },
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  server.on('error', () => undefined);
  const port = (server.server.address() as AddressInfo).port;

  return {
    url: `smtp://${host}:${port}`,
    port,
    messages: () => [...store],
    get: (id) => store.find((m) => m.id === id),
    clear: () => {
      store.length = 0;
    },
    waitFor(match, timeoutMs = 15_000) {
      const found = [...store].reverse().find(match);
      if (found) return Promise.resolve(found);
      return new Promise<CapturedMail>((resolve, reject) => {
        const waiter = {
          match,
          resolve: (mail: CapturedMail) => {
            clearTimeout(timer);
            resolve(mail);
          },
        };
        const timer = setTimeout(() => {
          waiters.delete(waiter);
          reject(new Error(`no matching mail within ${timeoutMs} ms (have ${store.length}: ${store.map((m) => `'${m.subject}' → ${m.to.join(',')}`).join('; ')})`));
        }, timeoutMs);
        waiters.add(waiter);
      });
    },
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
