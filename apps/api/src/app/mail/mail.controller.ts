import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiConflictResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { CapturedMail } from '@signet/mail-capture';
import { AuditService } from '../audit/audit.service';
import { CurrentPrincipal, type Principal } from '../auth/principal';
import { Roles } from '../auth/roles.decorator';
import { AppError, notFound } from '../common/app-error';
import { pageWindow } from '../common/pagination';
import { Role } from '../common/roles';
import { CapturedMailDto, type CapturedMailSummaryDto, MailStatusDto, OutboxPageDto, OutboxQueryDto, TestMailDto, TestMailSentDto } from './dto/mail.dto';
import { MailCaptureService } from './mail-capture.service';
import { MailService } from './mail.service';

function summary(mail: CapturedMail): CapturedMailSummaryDto {
  return { id: mail.id, receivedAt: mail.receivedAt, from: mail.from, to: [...mail.to], subject: mail.subject, hasHtml: mail.html !== null };
}

@ApiTags('mail')
@ApiBearerAuth()
@Controller('mail')
export class MailController {
  constructor(
    private readonly mail: MailService,
    private readonly capture: MailCaptureService,
    private readonly audit: AuditService,
  ) {}

  @Get('status')
  @Roles(Role.Admin, Role.Integration)
  @ApiOkResponse({ type: MailStatusDto })
  status(): MailStatusDto {
    return { enabled: this.mail.enabled, transport: this.mail.describe(), capturing: this.capture.enabled, from: this.mail.from };
  }

  @Get('outbox')
  @Roles(Role.Admin)
  @ApiOkResponse({ type: OutboxPageDto })
  @ApiConflictResponse({ description: 'Mail capture is off: mail goes to a real SMTP server.' })
  outbox(@Query() query: OutboxQueryDto): OutboxPageDto {
    this.requireCapture();
    const needle = query.search?.toLowerCase();
    const all = this.capture.messages().filter((m) => !needle || m.subject.toLowerCase().includes(needle) || m.to.some((t) => t.toLowerCase().includes(needle)));
    const { skip, take } = pageWindow(query);
    return { items: all.slice(skip, skip + take).map(summary), total: all.length };
  }

  @Get('outbox/:id')
  @Roles(Role.Admin)
  @ApiOkResponse({ type: CapturedMailDto })
  message(@Param('id', new ParseUUIDPipe()) id: string): CapturedMailDto {
    this.requireCapture();
    const mail = this.capture.get(id);
    if (!mail) throw notFound('Captured mail', id);
    return { ...summary(mail), text: mail.text, html: mail.html, messageId: mail.messageId, headers: { ...mail.headers } };
  }

  @Delete('outbox')
  @Roles(Role.Admin)
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'The captured mail is gone.' })
  clear(): void {
    this.requireCapture();
    this.capture.clear();
  }

  @Post('test')
  @Roles(Role.Admin)
  @HttpCode(202)
  @ApiAcceptedResponse({ type: TestMailSentDto })
  @ApiConflictResponse({ description: 'Email is off.' })
  async test(@Body() body: TestMailDto, @CurrentPrincipal() actor: Principal): Promise<TestMailSentDto> {
    const sent = await this.mail.send({
      to: body.to,
      subject: 'Signet test email',
      text: `This is a test email from Signet, sent by ${actor.email ?? actor.id}. Email works.`,
      html: `<p>This is a test email from Signet, sent by ${(actor.email ?? actor.id).replace(/[<>&"]/g, '')}.</p><p>Email works.</p>`,
    });
    await this.audit.record({ actorId: actor.id, action: 'mail.test_sent', targetType: 'mail', targetId: body.to, detail: { messageId: sent.messageId } });
    return sent;
  }

  private requireCapture(): void {
    if (!this.capture.enabled) {
      throw new AppError(409, 'mail_capture_off', 'Mail capture is off', `Mail is not captured here: it goes to ${this.mail.describe()}. Set MAIL_CAPTURE=true (development) to keep it in the outbox.`);
    }
  }
}
