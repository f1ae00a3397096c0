import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { OPERATORS, type Operator } from '@signet/approvals-domain';
import { PageQueryDto } from '../../common/pagination';
import { CONDITION_VALUE_SCHEMA, IsConditionValue } from './condition-value';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
export const APPROVER_TYPES = ['user', 'group', 'field', 'managerOf'] as const;
export const GROUP_MODES = ['all', 'any', 'quorum'] as const;

export class ApproverDto {
  @ApiProperty({ enum: APPROVER_TYPES, enumName: 'ApproverType', description: 'user; group (all / any / quorum); field: a user id read from the quote; managerOf: the manager of the user a quote field names.' })
  @IsIn(APPROVER_TYPES)
  type!: (typeof APPROVER_TYPES)[number];

  @ApiPropertyOptional({ format: 'uuid', description: 'For type user.' })
  @ValidateIf((o: ApproverDto) => o.type === 'user')
  @IsUUID()
  userId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'For type group.' })
  @ValidateIf((o: ApproverDto) => o.type === 'group')
  @IsUUID()
  groupId?: string;

  @ApiPropertyOptional({ enum: GROUP_MODES, enumName: 'GroupMode', default: 'any', description: 'For type group.' })
  @IsOptional()
  @IsIn(GROUP_MODES)
  mode?: (typeof GROUP_MODES)[number];

  @ApiPropertyOptional({ minimum: 1, description: 'For mode quorum: how many distinct members must approve.' })
  @ValidateIf((o: ApproverDto) => o.mode === 'quorum')
  @IsInt()
  @Min(1)
  @Max(500)
  quorum?: number;

  @ApiPropertyOptional({ example: 'quote.salesDirectorId', description: 'For types field and managerOf: quote.<field>.' })
  @ValidateIf((o: ApproverDto) => o.type === 'field' || o.type === 'managerOf')
  @IsString()
  @MaxLength(120)
  field?: string;
}

export class ConditionDto {
  @ApiProperty({ minimum: 1, description: 'The number custom logic refers to.' })
  @IsInt()
  @Min(1)
  @Max(999)
  index!: number;

  @ApiProperty({ example: 'quote.discountPercent', description: 'quote.<field> or var.<name>.' })
  @IsString()
  @MaxLength(120)
  tested!: string;

  @ApiProperty({ enum: OPERATORS, enumName: 'ConditionOperator' })
  @IsIn(OPERATORS)
  op!: Operator;

  @ApiPropertyOptional({ ...CONDITION_VALUE_SCHEMA, description: 'A literal to compare with (a list for in / notIn).' })
  @IsOptional()
  @IsConditionValue()
  value?: string | number | boolean | null | (string | number)[];

  @ApiPropertyOptional({ example: 'quote.threshold', description: 'Compare with another quote field instead.' })
  @IsOptional()
  @IsString()
  @MaxLength(120)
  field?: string;

  @ApiPropertyOptional({ example: 'licenseNet', description: 'Compare with a variable instead.' })
  @IsOptional()
  @IsString()
  @MaxLength(60)
  variable?: string;

  @ApiPropertyOptional({ default: false, description: 'Smart approvals: on resubmission, compare with the approved value instead.' })
  @IsOptional()
  @IsBoolean()
  smart?: boolean;
}

export class ApprovalRuleInputDto {
  @ApiProperty({ example: 'Deep discount' })
  @IsString()
  @MinLength(1)
  @MaxLength(120)
  name!: string;

  @ApiPropertyOptional({ default: '' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  description?: string;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'Finance', description: 'Chain: a name grouping rules for people.' })
  @IsOptional()
  @IsString()
  @MaxLength(80)
  chain?: string | null;

  @ApiProperty({ minimum: 1, description: 'Level: rules of one step run in parallel, steps in series.' })
  @IsInt()
  @Min(1)
  @Max(99)
  step!: number;

  @ApiProperty({ type: ApproverDto })
  @ValidateNested()
  @Type(() => ApproverDto)
  approver!: ApproverDto;

  @ApiProperty({ enum: ['all', 'any', 'custom'], enumName: 'ConditionsMet' })
  @IsIn(['all', 'any', 'custom'])
  conditionsMet!: 'all' | 'any' | 'custom';

  @ApiPropertyOptional({ type: String, nullable: true, example: '1 AND (2 OR NOT 3)', description: 'For custom: condition numbers with AND, OR, NOT and parentheses.' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  logic?: string | null;

  @ApiProperty({ type: [ConditionDto] })
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => ConditionDto)
  conditions!: ConditionDto[];

  @ApiPropertyOptional({ type: String, nullable: true, example: '2026-01-01' })
  @IsOptional()
  @Matches(ISO_DATE, { message: 'effectiveFrom must be a date YYYY-MM-DD' })
  effectiveFrom?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @Matches(ISO_DATE, { message: 'effectiveTo must be a date YYYY-MM-DD' })
  effectiveTo?: string | null;

  @ApiPropertyOptional({ default: false, description: 'Any change of a smart value forces a new request, whatever the logic.' })
  @IsOptional()
  @IsBoolean()
  reevaluateSmartIndividually?: boolean;

  @ApiPropertyOptional({ default: true, description: 'Inactive rules are kept but never evaluated.' })
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}

export class UpdateApprovalRuleDto extends ApprovalRuleInputDto {
  @ApiProperty({ description: 'The version you read; a stale version is refused with 409.' })
  @IsInt()
  @Min(1)
  version!: number;
}

export class ApprovalRuleDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty() description!: string;
  @ApiProperty({ type: String, nullable: true }) chain!: string | null;
  @ApiProperty() step!: number;
  @ApiProperty({ type: ApproverDto }) approver!: ApproverDto;
  @ApiProperty({ description: 'The approver in words, e.g. "group Finance (quorum 2)".' }) approverLabel!: string;
  @ApiProperty({ enum: ['all', 'any', 'custom'], enumName: 'ConditionsMet' }) conditionsMet!: 'all' | 'any' | 'custom';
  @ApiProperty({ type: String, nullable: true }) logic!: string | null;
  @ApiProperty({ type: [ConditionDto] }) conditions!: ConditionDto[];
  @ApiProperty({ type: String, nullable: true }) effectiveFrom!: string | null;
  @ApiProperty({ type: String, nullable: true }) effectiveTo!: string | null;
  @ApiProperty() reevaluateSmartIndividually!: boolean;
  @ApiProperty() active!: boolean;
  @ApiProperty() createdAt!: string;
  @ApiProperty() updatedAt!: string;
  @ApiProperty() version!: number;
}

export class ApprovalRulePageDto {
  @ApiProperty({ type: [ApprovalRuleDto] }) items!: ApprovalRuleDto[];
  @ApiProperty() total!: number;
}

export class ApprovalRuleQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'Matches name or chain, case-insensitive.' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  search?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(80)
  chain?: string;

  @ApiPropertyOptional({ type: Boolean })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  active?: boolean;
}

export class RuleIssueDto {
  @ApiProperty({ example: 'conditions.0.tested', description: 'Where in the rule: a JSON path.' }) field!: string;
  @ApiProperty() message!: string;
  @ApiPropertyOptional({ description: 'For logic: the 0-based character offset.' }) position?: number;
  @ApiPropertyOptional({ description: 'The condition number concerned.' }) conditionIndex?: number;
}

export class RuleValidationDto {
  @ApiProperty() valid!: boolean;
  @ApiProperty({ type: [RuleIssueDto] }) errors!: RuleIssueDto[];
}

export class RuleSetSummaryDto {
  @ApiProperty() version!: number;
  @ApiProperty() createdAt!: string;
  @ApiProperty({ type: String, nullable: true, format: 'uuid' }) createdBy!: string | null;
  @ApiProperty() reason!: string;
  @ApiProperty() ruleCount!: number;
  @ApiProperty() variableCount!: number;
}

export class RuleSetPageDto {
  @ApiProperty({ type: [RuleSetSummaryDto] }) items!: RuleSetSummaryDto[];
  @ApiProperty() total!: number;
}

export class RuleSetDto extends RuleSetSummaryDto {
  @ApiProperty({ description: 'The rules as the engine takes them (conformance README 1.1 shape, plus name).', type: 'array', items: { type: 'object', additionalProperties: true } })
  rules!: Record<string, unknown>[];

  @ApiProperty({ type: 'array', items: { type: 'object', additionalProperties: true } })
  variables!: Record<string, unknown>[];
}
