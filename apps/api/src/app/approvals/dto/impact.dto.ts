import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayUnique, IsArray, IsInt, IsOptional, IsUUID, Max, Min, ValidateNested } from 'class-validator';
import { ApprovalRuleInputDto } from '../../approval-rules/dto/approval-rule.dto';

export class DraftRuleDto extends ApprovalRuleInputDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'The rule this draft replaces; none for a new rule.' })
  @IsOptional()
  @IsUUID()
  id?: string;
}

export class ImpactRequestDto {
  @ApiPropertyOptional({ type: [DraftRuleDto], description: 'Rules added or changed by the draft.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  @Type(() => DraftRuleDto)
  upsert?: DraftRuleDto[];

  @ApiPropertyOptional({ type: [String], format: 'uuid', description: 'Rules the draft removes.' })
  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @IsUUID('all', { each: true })
  remove?: string[];

  @ApiPropertyOptional({ default: 50, minimum: 1, maximum: 500, description: 'How many of the most recently submitted quotes to replay.' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(500)
  limit?: number;
}

export class ImpactSideDto {
  @ApiProperty() step!: number;
  @ApiProperty({ type: [String] }) assignees!: string[];
}

export class ImpactDifferenceDto {
  @ApiProperty() ruleId!: string;
  @ApiProperty() ruleName!: string;
  @ApiProperty({ enum: ['added', 'removed', 'approver', 'step'] }) kind!: string;
  @ApiProperty({ type: ImpactSideDto, nullable: true }) before!: ImpactSideDto | null;
  @ApiProperty({ type: ImpactSideDto, nullable: true }) after!: ImpactSideDto | null;
  @ApiProperty({ example: 'would also need Deep discount (step 1: Fay Finance)' }) text!: string;
}

export class ImpactQuoteDto {
  @ApiProperty({ format: 'uuid' }) quoteId!: string;
  @ApiProperty() number!: string;
  @ApiProperty() name!: string;
  @ApiProperty() submittedAt!: string;
  @ApiProperty({ type: [ImpactDifferenceDto] }) differences!: ImpactDifferenceDto[];
}

export class ImpactDto {
  @ApiProperty({ description: 'Quotes replayed (their latest submission each).' }) compared!: number;
  @ApiProperty({ description: 'Quotes whose approvals would differ.' }) affected!: number;
  @ApiProperty({ type: [ImpactQuoteDto], description: 'Only quotes with differences.' }) quotes!: ImpactQuoteDto[];
  @ApiProperty() currentVersion!: number;
}
