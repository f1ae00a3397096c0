import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { createTransport, type Transporter } from 'nodemailer';
import { AppError } from '../common/app-error';
import { notificationConfig } from '../config/configuration';
import { MailCaptureService } from './mail-capture.service';

export interface OutgoingMail {
  to: string;
  subject: string;
  html: string;
  text: string;
  /** Extra headers, e.g. X-Signet-Notification for tracing a delivery. */
  headers?: Record<string, string>;
}

function redact(url: string): string {
  return url.replace(/\/\/([^:@/]*):[^@/]*@/, '//$1:***@');
}

/** Sends mail over SMTP with nodemailer: to SMTP_URL, or to the in-process capture in development. */
@Injectable()
export class MailService implements OnModuleDestroy {
  private transport: Transporter | null = null;

  constructor(
    @Inject(notificationConfig.KEY) private readonly settings: ConfigType<typeof notificationConfig>,
    private readonly capture: MailCaptureService,
  ) {}

  /** The SMTP URL in use, or null when email is off. */
  private get url(): string | null {
    return this.settings.smtpUrl || this.capture.url;
  }

  get from(): string {
    return this.settings.mailFrom;
  }

  get enabled(): boolean {
    return this.url !== null;
  }

  describe(): string {
    const url = this.url;
    if (!url) return 'off (no SMTP_URL and mail capture disabled)';
    return this.settings.smtpUrl ? `SMTP at ${redact(url)}` : `in-process capture at ${url}`;
  }

  async send(mail: OutgoingMail): Promise<{ messageId: string }> {
    const url = this.url;
    if (!url) throw new AppError(409, 'mail_disabled', 'Email is off', 'Set SMTP_URL (or MAIL_CAPTURE=true in development) to send email.');
    this.transport ??= createTransport(url);
    const info = await this.transport.sendMail({ from: this.settings.mailFrom, ...mail });
    return { messageId: String(info.messageId) };
  }

  onModuleDestroy(): void {
    this.transport?.close();
  }
}
