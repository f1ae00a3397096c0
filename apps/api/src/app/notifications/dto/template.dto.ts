import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, MaxLength, Min } from 'class-validator';
import { TEMPLATE_EVENTS, type TemplateEvent } from '@signet/notifications-domain';

export class TemplateScopeQueryDto {
  @ApiPropertyOptional({ description: 'The approval rule; omit for the house default used by rules without their own.' })
  @IsOptional()
  @IsUUID()
  ruleId?: string;
}

export class TemplatePartsDto {
  @ApiProperty({ example: 'Approval needed: {{quote.number}}' })
  @IsString()
  @MaxLength(300)
  subject!: string;

  @ApiProperty({ description: 'Handlebars HTML part; variables are HTML-escaped.' })
  @IsString()
  @MaxLength(100_000)
  html!: string;

  @ApiProperty({ description: 'Handlebars plain-text part.' })
  @IsString()
  @MaxLength(50_000)
  text!: string;
}

export class SaveTemplateDto extends TemplatePartsDto {
  @ApiPropertyOptional({ description: 'The version you read (absent when creating); a stale version is refused with 409.' })
  @IsOptional()
  @IsInt()
  @Min(1)
  version?: number;
}

export class PreviewTemplateDto extends TemplatePartsDto {
  @ApiProperty({ enum: TEMPLATE_EVENTS })
  @IsIn(TEMPLATE_EVENTS)
  event!: TemplateEvent;
}

export class TemplateDto {
  @ApiProperty({ enum: TEMPLATE_EVENTS }) event!: TemplateEvent;
  @ApiProperty({ type: String, nullable: true }) ruleId!: string | null;
  @ApiProperty({ enum: ['rule', 'house', 'built-in'], description: 'Where the effective template comes from.' }) source!: 'rule' | 'house' | 'built-in';
  @ApiProperty() subject!: string;
  @ApiProperty() html!: string;
  @ApiProperty() text!: string;
  @ApiProperty({ type: Number, nullable: true, description: 'Version of the saved row at this scope; null when inherited.' }) version!: number | null;
  @ApiProperty({ type: String, nullable: true }) updatedAt!: string | null;
}

export class TemplateProblemDto {
  @ApiProperty({ enum: ['subject', 'html', 'text'] }) part!: 'subject' | 'html' | 'text';
  @ApiProperty() line!: number;
  @ApiProperty() message!: string;
}

export class TemplatePreviewDto {
  @ApiProperty() valid!: boolean;
  @ApiProperty({ type: [TemplateProblemDto] }) problems!: TemplateProblemDto[];
  @ApiProperty({ type: String, nullable: true }) subject!: string | null;
  @ApiProperty({ type: String, nullable: true }) html!: string | null;
  @ApiProperty({ type: String, nullable: true }) text!: string | null;
}

export class TemplateVariablesDto {
  @ApiProperty({ type: [String], example: ['quote.number', 'reasons[].text'] }) variables!: string[];
  @ApiProperty({ enum: TEMPLATE_EVENTS, isArray: true }) events!: TemplateEvent[];
}
