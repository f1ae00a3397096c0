import { createTransport } from 'nodemailer';
import { type MailCapture, startMailCapture } from './mail-capture';

describe('startMailCapture', () => {
  let capture: MailCapture;

  beforeAll(async () => {
    capture = await startMailCapture({ limit: 3 });
  });
  afterAll(() => capture.stop());

  it('receives real SMTP from nodemailer, HTML and text parts', async () => {
    const transport = createTransport(capture.url);
    const waiting = capture.waitFor((m) => m.subject === 'Hello');
    const info = await transport.sendMail({
      from: 'Signet <signet@example.com>',
      to: 'Avery <avery@example.com>, blake@example.com',
      subject: 'Hello',
      text: 'plain body',
      html: '<p>html body</p>',
    });
    const mail = await waiting;
    expect(capture.url).toMatch(/^smtp:\/\/127\.0\.0\.1:\d+$/);
    expect(mail).toMatchObject({
      envelopeFrom: 'signet@example.com',
      envelopeTo: ['avery@example.com', 'blake@example.com'],
      from: 'signet@example.com',
      to: ['avery@example.com', 'blake@example.com'],
      subject: 'Hello',
      messageId: info.messageId,
    });
    expect(mail.text.trim()).toBe('plain body');
    expect(mail.html).toContain('<p>html body</p>');
    expect(capture.get(mail.id)).toBe(mail);
    transport.close();
  });

  it('keeps the newest messages up to the limit and finds already received ones', async () => {
    const transport = createTransport(capture.url);
    for (const n of [1, 2, 3, 4]) await transport.sendMail({ from: 'a@example.com', to: 'b@example.com', subject: `n${n}`, text: String(n) });
    expect(capture.messages().map((m) => m.subject)).toEqual(['n4', 'n3', 'n2']);
    await expect(capture.waitFor((m) => m.subject === 'n3', 100)).resolves.toMatchObject({ text: expect.stringContaining('3') });
    await expect(capture.waitFor((m) => m.subject === 'never', 100)).rejects.toThrow(/no matching mail within 100 ms/);
    capture.clear();
    expect(capture.messages()).toEqual([]);
    transport.close();
  });
});
