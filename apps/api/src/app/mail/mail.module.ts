import { Global, Module } from '@nestjs/common';
import { MailCaptureService } from './mail-capture.service';
import { MailController } from './mail.controller';
import { MailService } from './mail.service';

@Global()
@Module({
  controllers: [MailController],
  providers: [MailCaptureService, MailService],
  exports: [MailService, MailCaptureService],
})
export class MailModule {}
