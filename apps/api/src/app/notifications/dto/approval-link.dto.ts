import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';

export const LINK_STATES = ['ready', 'used', 'expired', 'closed', 'reassigned'] as const;
export type LinkState = (typeof LINK_STATES)[number];

export class LinkQuoteDto {
  @ApiProperty() number!: string;
  @ApiProperty() name!: string;
  @ApiProperty() accountName!: string;
  @ApiProperty() ownerName!: string;
  @ApiProperty() currency!: string;
  @ApiProperty({ description: 'Formatted money, e.g. 81,600.00.' }) listTotal!: string;
  @ApiProperty() netTotal!: string;
  @ApiProperty() discountAmount!: string;
  @ApiProperty() discountPercent!: string;
}

export class LinkReasonDto {
  @ApiProperty() rule!: string;
  @ApiProperty() text!: string;
}

export class ApprovalLinkDto {
  @ApiProperty({ enum: LINK_STATES, description: 'ready: the decision can be confirmed; anything else explains why not.' }) state!: LinkState;
  @ApiProperty({ description: 'What to tell the person, in one sentence.' }) message!: string;
  @ApiProperty({ enum: ['approve', 'reject'] }) decision!: 'approve' | 'reject';
  @ApiProperty() expiresAt!: string;
  @ApiProperty() assigneeName!: string;
  @ApiProperty() ruleName!: string;
  @ApiProperty() step!: number;
  @ApiProperty({ enum: ['waiting', 'open', 'approved', 'rejected', 'cancelled'] }) requestStatus!: string;
  @ApiProperty({ type: LinkQuoteDto }) quote!: LinkQuoteDto;
  @ApiProperty({ type: [LinkReasonDto] }) reasons!: LinkReasonDto[];
}

export class UseApprovalLinkDto {
  @ApiPropertyOptional({ maxLength: 2000, description: 'Optional comment recorded with the decision.' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  comment?: string;
}

export class ApprovalLinkResultDto {
  @ApiProperty({ enum: ['approved', 'rejected'] }) outcome!: 'approved' | 'rejected';
  @ApiProperty({ description: 'The request after the decision (e.g. still open when others must approve too).' }) requestStatus!: string;
  @ApiProperty() message!: string;
  @ApiProperty() quoteNumber!: string;
}
