import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsNumber, IsOptional, IsUrl, IsUUID, Max, MaxLength, Min, ValidateIf } from 'class-validator';

export class RuleNotificationSettingsDto {
  @ApiProperty() ruleId!: string;
  @ApiProperty({ type: Number, nullable: true, description: 'Remind the assignees after this many business hours.' }) remindAfterBusinessHours!: number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'Add the escalation approver after this many business hours.' }) escalateAfterBusinessHours!: number | null;
  @ApiProperty({ type: String, nullable: true }) escalateToUserId!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Slack-compatible incoming webhook URL.' }) chatWebhookUrl!: string | null;
  @ApiProperty({ description: '0 while nothing is saved.' }) version!: number;
}

export class UpdateRuleNotificationSettingsDto {
  @ApiPropertyOptional({ type: Number, nullable: true, example: 8 })
  @IsOptional()
  @IsNumber({ maxDecimalPlaces: 2 })
  @Min(0.01)
  @Max(2000)
  remindAfterBusinessHours?: number | null;

  @ApiPropertyOptional({ type: Number, nullable: true, example: 24 })
  @IsOptional()
  @IsNumber({ maxDecimalPlaces: 2 })
  @Min(0.01)
  @Max(2000)
  escalateAfterBusinessHours?: number | null;

  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @IsUUID()
  escalateToUserId?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'https://hooks.slack.com/services/T000/B000/XXXX' })
  @IsOptional()
  @ValidateIf((_o, v) => v !== null && v !== '')
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true, require_tld: false })
  @MaxLength(2000)
  chatWebhookUrl?: string | null;

  @ApiPropertyOptional({ description: 'The version you read; a stale version is refused with 409.' })
  @IsOptional()
  @IsInt()
  @Min(0)
  version?: number;
}
