import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsOptional, IsString, MaxLength } from 'class-validator';
import { PageQueryDto } from '../../common/pagination';

export class MailStatusDto {
  @ApiProperty({ description: 'Whether email is sent at all.' }) enabled!: boolean;
  @ApiProperty({ description: 'Where mail goes, without credentials.' }) transport!: string;
  @ApiProperty({ description: 'Whether the in-process capture server keeps mail for the outbox.' }) capturing!: boolean;
  @ApiProperty() from!: string;
}

export class OutboxQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'Matches subject or recipient, case-insensitive.' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  search?: string;
}

export class CapturedMailSummaryDto {
  @ApiProperty() id!: string;
  @ApiProperty() receivedAt!: string;
  @ApiProperty() from!: string;
  @ApiProperty({ type: [String] }) to!: string[];
  @ApiProperty() subject!: string;
  @ApiProperty() hasHtml!: boolean;
}

export class CapturedMailDto extends CapturedMailSummaryDto {
  @ApiProperty() text!: string;
  @ApiProperty({ type: String, nullable: true }) html!: string | null;
  @ApiProperty({ type: String, nullable: true }) messageId!: string | null;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'string' } }) headers!: Record<string, string>;
}

export class OutboxPageDto {
  @ApiProperty({ type: [CapturedMailSummaryDto] }) items!: CapturedMailSummaryDto[];
  @ApiProperty() total!: number;
}

export class TestMailDto {
  @ApiProperty({ example: 'you@example.com' })
  @IsEmail()
  @MaxLength(254)
  to!: string;
}

export class TestMailSentDto {
  @ApiProperty() messageId!: string;
}
