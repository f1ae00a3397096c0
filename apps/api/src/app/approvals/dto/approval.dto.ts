import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsIn, IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { PageQueryDto } from '../../common/pagination';
import { PersonDto } from '../../directory/dto/group.dto';

const VALUE = { nullable: true, oneOf: [{ type: 'string' }, { type: 'number' }, { type: 'boolean' }, { type: 'array', items: {} }] };

export class ReasonDto {
  @ApiProperty() index!: number;
  @ApiProperty({ example: 'quote.discountPercent' }) tested!: string;
  @ApiProperty(VALUE) testedValue!: unknown;
  @ApiProperty({ example: 'gt' }) op!: string;
  @ApiProperty(VALUE) comparand!: unknown;
  @ApiProperty({ type: String, nullable: true, description: 'The field or variable the comparand was read from.' }) comparandSource!: string | null;
  @ApiProperty() result!: boolean;
  @ApiProperty() smart!: boolean;
  @ApiProperty({ example: 'discountPercent 31 > 30' }) text!: string;
}

export class SmartConditionDto {
  @ApiProperty() index!: number;
  @ApiProperty() tested!: string;
  @ApiProperty(VALUE) value!: unknown;
  @ApiProperty({ ...VALUE, description: 'The approved value (absent when none was stored).' }) snapshot!: unknown;
  @ApiProperty({ enum: ['increased', 'decreased', 'changed'] }) test!: string;
  @ApiProperty() result!: boolean;
  @ApiProperty() text!: string;
}

export class SmartRetestDto {
  @ApiProperty({ description: 'true: asked again; false: auto-approved by the earlier approval.' }) requested!: boolean;
  @ApiProperty() forcedByChange!: boolean;
  @ApiProperty({ type: [SmartConditionDto] }) conditions!: SmartConditionDto[];
}

export class AvoidanceDto {
  @ApiProperty() index!: number;
  @ApiProperty() tested!: string;
  @ApiProperty() op!: string;
  @ApiProperty() current!: number;
  @ApiProperty() threshold!: number;
  @ApiProperty() target!: number;
  @ApiProperty({ description: 'target − current.' }) change!: number;
  @ApiProperty({ example: 'lower discountPercent by 1 to 30 to avoid this approval' }) text!: string;
}

export class DelegateDto {
  @ApiProperty({ type: PersonDto }) delegate!: PersonDto;
  @ApiProperty({ type: PersonDto, description: 'The approver the delegate stands in for.' }) for!: PersonDto;
}

export class PlanRequestDto {
  @ApiProperty({ format: 'uuid' }) ruleId!: string;
  @ApiProperty() ruleName!: string;
  @ApiProperty({ type: String, nullable: true }) chain!: string | null;
  @ApiProperty() step!: number;
  @ApiProperty() autoApproved!: boolean;
  @ApiProperty({ example: 'any', description: '"any", "all" or "quorum N".' }) mode!: string;
  @ApiProperty({ type: [PersonDto] }) approvers!: PersonDto[];
  @ApiProperty({ type: [DelegateDto] }) delegates!: DelegateDto[];
  @ApiProperty({ type: String, nullable: true, description: 'Why the approver cannot be resolved; submit would fail.' }) unresolved!: string | null;
  @ApiProperty({ type: [ReasonDto], description: 'Every condition with its tested value, operator and threshold.' }) reasons!: ReasonDto[];
  @ApiProperty({ type: SmartRetestDto, nullable: true }) smartRetest!: SmartRetestDto | null;
  @ApiProperty({ type: AvoidanceDto, nullable: true, description: 'The smallest change of the one numeric threshold avoiding this approval.' }) avoidance!: AvoidanceDto | null;
}

export class PlanLevelDto {
  @ApiProperty() step!: number;
  @ApiProperty({ type: [PlanRequestDto], description: 'Requests of one level run in parallel; levels run in series.' }) requests!: PlanRequestDto[];
}

export class VariableValueDto {
  @ApiProperty() name!: string;
  @ApiProperty({ type: Number, nullable: true }) value!: number | null;
}

export class PreviewDto {
  @ApiProperty({ format: 'uuid' }) quoteId!: string;
  @ApiProperty() status!: string;
  @ApiProperty({ description: 'The rule-set version the plan was computed with.' }) ruleSetVersion!: number;
  @ApiProperty() today!: string;
  @ApiProperty({ type: [PlanLevelDto] }) levels!: PlanLevelDto[];
  @ApiProperty({ type: [VariableValueDto] }) variables!: VariableValueDto[];
  @ApiProperty({ description: 'Rules evaluated (in effect or not).' }) rulesEvaluated!: number;
  @ApiProperty({ description: 'Submit would be accepted now (right status, every approver resolvable).' }) canSubmit!: boolean;
  @ApiProperty({ type: [String], description: 'Why submit would fail, in words.' }) blockers!: string[];
}

export class CommentDto {
  @ApiPropertyOptional({ maxLength: 2000 })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  comment?: string;
}

export class RejectDto {
  @ApiProperty({ maxLength: 2000, description: 'Why: the rep sees it on the quote.' })
  @IsString()
  @MinLength(1)
  @MaxLength(2000)
  comment!: string;
}

export class ReassignDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'The assignee to replace; defaults to you (an approver handing on their own seat).' })
  @IsOptional()
  @IsUUID()
  fromId?: string;

  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  toId!: string;

  @ApiPropertyOptional({ maxLength: 2000 })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  comment?: string;
}

export class BatchApproveDto {
  @ApiProperty({ type: [String], format: 'uuid' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  ids!: string[];

  @ApiPropertyOptional({ maxLength: 2000 })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  comment?: string;
}

export class DecisionDto {
  @ApiProperty({ type: PersonDto }) by!: PersonDto;
  @ApiProperty({ type: [PersonDto], description: 'Approvers this decision stood in for (delegation).' }) onBehalfOf!: PersonDto[];
  @ApiProperty({ enum: ['approve', 'reject'] }) decision!: string;
  @ApiProperty({ type: String, nullable: true }) comment!: string | null;
  @ApiProperty() at!: string;
}

export class RequestDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) quoteId!: string;
  @ApiProperty({ format: 'uuid' }) submissionId!: string;
  @ApiProperty({ format: 'uuid' }) ruleId!: string;
  @ApiProperty() ruleName!: string;
  @ApiProperty() step!: number;
  @ApiProperty({ enum: ['waiting', 'open', 'approved', 'rejected', 'cancelled'] }) status!: string;
  @ApiProperty() mode!: string;
  @ApiProperty({ type: [PersonDto] }) approvers!: PersonDto[];
  @ApiProperty({ type: [DelegateDto] }) delegates!: DelegateDto[];
  @ApiProperty({ type: [DecisionDto] }) decisions!: DecisionDto[];
  @ApiProperty({ type: String, nullable: true }) openedAt!: string | null;
  @ApiProperty({ type: String, nullable: true }) closedAt!: string | null;
  @ApiProperty({ type: [ReasonDto], description: 'Why the rule applied, as evaluated at submit.' }) reasons!: ReasonDto[];
}

export class SubmissionDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() sequence!: number;
  @ApiProperty() ruleSetVersion!: number;
  @ApiProperty({ type: PersonDto, nullable: true }) submittedBy!: PersonDto | null;
  @ApiProperty() submittedAt!: string;
  @ApiProperty({ enum: ['pending', 'approved', 'rejected', 'recalled', 'voided'] }) outcome!: string;
  @ApiProperty({ type: [String], description: 'Names of rules auto-approved by smart approvals.' }) autoApproved!: string[];
  @ApiProperty({ type: [RequestDto] }) requests!: RequestDto[];
}

export class HistoryEntryDto {
  @ApiProperty() id!: string;
  @ApiProperty() at!: string;
  @ApiProperty({ type: PersonDto, nullable: true }) actor!: PersonDto | null;
  @ApiProperty({ type: [PersonDto] }) onBehalfOf!: PersonDto[];
  @ApiProperty({ example: 'approve', description: 'submit, approve, reject, recall, reassign, substitute …' }) action!: string;
  @ApiProperty({ type: String, nullable: true }) ruleName!: string | null;
  @ApiProperty({ type: String, nullable: true }) comment!: string | null;
  @ApiProperty({ type: String, nullable: true }) detail!: string | null;
  @ApiProperty({ type: Number, nullable: true }) ruleSetVersion!: number | null;
}

export class QuoteApprovalsDto {
  @ApiProperty({ format: 'uuid' }) quoteId!: string;
  @ApiProperty() status!: string;
  @ApiProperty({ type: SubmissionDto, nullable: true, description: 'The latest submission.' }) current!: SubmissionDto | null;
  @ApiProperty({ type: [SubmissionDto], description: 'Earlier submissions, newest first.' }) previous!: SubmissionDto[];
  @ApiProperty({ type: [HistoryEntryDto], description: 'Append-only timeline, oldest first.' }) history!: HistoryEntryDto[];
}

export class QuoteBriefDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() number!: string;
  @ApiProperty() name!: string;
  @ApiProperty() accountName!: string;
  @ApiProperty({ type: PersonDto }) owner!: PersonDto;
  @ApiProperty() netTotal!: string;
  @ApiProperty({ type: String, nullable: true }) discountPercent!: string | null;
  @ApiProperty() status!: string;
}

export class InboxItemDto extends RequestDto {
  @ApiProperty({ type: QuoteBriefDto }) quote!: QuoteBriefDto;
  @ApiProperty({ type: [PersonDto], description: 'When the request reaches you by delegation: for whom you act.' }) onBehalfOf!: PersonDto[];
  @ApiProperty({ description: 'You may decide it now.' }) actionable!: boolean;
}

export class InboxPageDto {
  @ApiProperty({ type: [InboxItemDto] }) items!: InboxItemDto[];
  @ApiProperty() total!: number;
}

export class InboxQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ type: String, default: 'me', description: '`me`, or (admins) a user id.' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  assignee = 'me';

  @ApiPropertyOptional({ enum: ['open', 'approved', 'rejected', 'cancelled', 'all'], default: 'open' })
  @IsOptional()
  @IsIn(['open', 'approved', 'rejected', 'cancelled', 'all'])
  status: 'open' | 'approved' | 'rejected' | 'cancelled' | 'all' = 'open';

  @ApiPropertyOptional({ description: 'Matches quote number, name or account.' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  search?: string;

  @ApiPropertyOptional({ enum: ['any', 'own', 'delegated'], default: 'any', description: 'Only requests assigned to you in your own right, or by delegation.' })
  @IsOptional()
  @IsIn(['any', 'own', 'delegated'])
  via: 'any' | 'own' | 'delegated' = 'any';
}

export class BatchResultDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() ok!: boolean;
  @ApiPropertyOptional({ description: 'The request status after the decision.' }) status?: string;
  @ApiPropertyOptional({ description: 'Problem code when it failed.' }) code?: string;
  @ApiPropertyOptional() detail?: string;
}

export class BatchApproveResultDto {
  @ApiProperty({ type: [BatchResultDto] }) results!: BatchResultDto[];
  @ApiProperty() approved!: number;
  @ApiProperty() failed!: number;
}

export class ReplayDto {
  @ApiProperty({ format: 'uuid' }) submissionId!: string;
  @ApiProperty() ruleSetVersion!: number;
  @ApiProperty({ type: [PlanLevelDto], description: 'The plan re-computed from the stored quote snapshot and rule-set version.' }) levels!: PlanLevelDto[];
  @ApiProperty({ description: 'The replay asks for the same rules at the same steps as recorded at submit.' }) matchesRecorded!: boolean;
}
