import { Inject, Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { type CapturedMail, type MailCapture, startMailCapture } from '@signet/mail-capture';
import { notificationConfig } from '../config/configuration';

/** The in-process capturing SMTP server of development (`MAIL_CAPTURE=true`, set by `npm start`). */
@Injectable()
export class MailCaptureService implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(MailCaptureService.name);
  private capture: MailCapture | null = null;

  constructor(@Inject(notificationConfig.KEY) private readonly settings: ConfigType<typeof notificationConfig>) {}

  async onModuleInit(): Promise<void> {
    if (!this.settings.mailCapture) return;
    this.capture = await startMailCapture({ port: this.settings.mailCapturePort });
    this.logger.log({ url: this.capture.url }, 'capturing outgoing mail in-process (development)');
  }

  async onModuleDestroy(): Promise<void> {
    await this.capture?.stop();
    this.capture = null;
  }

  get url(): string | null {
    return this.capture?.url ?? null;
  }

  get enabled(): boolean {
    return this.capture !== null;
  }

  messages(): CapturedMail[] {
    return this.capture?.messages() ?? [];
  }

  get(id: string): CapturedMail | undefined {
    return this.capture?.get(id);
  }

  clear(): void {
    this.capture?.clear();
  }
}
