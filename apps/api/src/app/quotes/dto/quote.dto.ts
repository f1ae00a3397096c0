import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { MAX_QUOTE_LINES, QUOTE_STATUSES, type QuoteStatus } from '@signet/quotes-domain';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min, MinLength, ValidateNested } from 'class-validator';
import { PageQueryDto } from '../../common/pagination';
import { IsLocalDate, IsPlainObject } from '../../common/value-validators';
import { LineInputDto, QuoteLineDto } from './quote-line.dto';

export class QuoteGroupInputDto {
  @ApiProperty({ example: 'Phase 1' })
  @IsString()
  @MinLength(1)
  @MaxLength(120)
  name!: string;

  @ApiPropertyOptional({ type: String, nullable: true, example: '2026-09-01', description: 'Default start of the lines in this group.' })
  @IsOptional()
  @IsLocalDate()
  startDate?: string | null;
}

/** currency, orderBy and groups: shared by create, update and import. */
export class QuoteStructureDto {
  @ApiPropertyOptional({ example: 'EUR', description: "ISO 4217. Default on create: the account's currency." })
  @IsOptional()
  @IsString()
  @Matches(/^[A-Z]{3}$/, { message: 'currency must be an ISO 4217 code like EUR' })
  currency?: string;

  @ApiPropertyOptional({ type: [String], example: ['group', 'shipTo'], description: 'Default split of POST /quotes/:id/orders: group, sku, startDate, endDate, termMonths, shipTo or fields.<line field>.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @IsString({ each: true })
  orderBy?: string[];

  @ApiPropertyOptional({ type: [QuoteGroupInputDto], description: 'Line groups in order; on update, replaces them all. A line naming an undeclared group declares it (unless groups are given on create).' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  @Type(() => QuoteGroupInputDto)
  groups?: QuoteGroupInputDto[];
}

export class CreateQuoteDto extends QuoteStructureDto {
  @ApiProperty({ example: 'Acme platform renewal 2026' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name!: string;

  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  accountId!: string;

  @ApiProperty({ example: '2026-07-01', description: 'When the quoted products start, unless a line says otherwise.' })
  @IsLocalDate()
  startDate!: string;

  @ApiPropertyOptional({ type: Number, nullable: true, example: 12, description: 'Term of recurring lines, unless a line says otherwise.' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(600)
  termMonths?: number | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: '2026-06-30' })
  @IsOptional()
  @IsLocalDate()
  validUntil?: string | null;

  @ApiPropertyOptional({ format: 'uuid', description: 'Admins may create a quote for another user; default: you.' })
  @IsOptional()
  @IsUUID()
  ownerId?: string;

  @ApiPropertyOptional({ type: 'object', additionalProperties: true, description: 'Custom quote field values (see GET /fields?object=quote).' })
  @IsOptional()
  @IsPlainObject()
  fields?: Record<string, unknown>;

  @ApiPropertyOptional({ type: [LineInputDto], description: 'Initial lines: a whole quote in one request.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_QUOTE_LINES)
  @ValidateNested({ each: true })
  @Type(() => LineInputDto)
  lines?: LineInputDto[];
}

export class UpdateQuoteDto extends QuoteStructureDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  accountId?: string;

  @ApiPropertyOptional({ description: 'Lines that follow the quote are re-dated and re-priced.' })
  @IsOptional()
  @IsLocalDate()
  startDate?: string;

  @ApiPropertyOptional({ type: Number, nullable: true, description: 'Recurring lines that follow the quote are re-priced.' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(600)
  termMonths?: number | null;

  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @IsLocalDate()
  validUntil?: string | null;

  @ApiPropertyOptional({ format: 'uuid', description: 'Admins only: hand the quote to another user.' })
  @IsOptional()
  @IsUUID()
  ownerId?: string;

  @ApiPropertyOptional({ type: 'object', additionalProperties: true, description: 'Fields to set; a null clears one. Fields not named are kept.' })
  @IsOptional()
  @IsPlainObject()
  fields?: Record<string, unknown>;

  @ApiPropertyOptional({ description: 'The version you read; a stale version is refused with 409.' })
  @IsOptional()
  @IsInt()
  @Min(1)
  version?: number;
}

const SORTABLE = ['updatedAt', 'createdAt', 'number', 'name', 'netTotal'] as const;
export type QuoteSort = (typeof SORTABLE)[number];

export class QuoteQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'Matches number, name or account name, case-insensitive.' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  search?: string;

  @ApiPropertyOptional({ enum: QUOTE_STATUSES })
  @IsOptional()
  @IsIn([...QUOTE_STATUSES])
  status?: QuoteStatus;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  accountId?: string;

  @ApiPropertyOptional({ description: 'A user id, or `me`.' })
  @IsOptional()
  @Matches(/^(me|[0-9a-fA-F-]{36})$/, { message: 'owner must be a user id or me' })
  owner?: string;

  @ApiPropertyOptional({ enum: SORTABLE, default: 'updatedAt' })
  @IsOptional()
  @IsIn(SORTABLE)
  sort: QuoteSort = 'updatedAt';

  @ApiPropertyOptional({ enum: ['asc', 'desc'], default: 'desc' })
  @IsOptional()
  @IsIn(['asc', 'desc'])
  direction: 'asc' | 'desc' = 'desc';
}

export class QuoteSummaryDto {
  @ApiProperty() id!: string;
  @ApiProperty({ example: 'Q-000042' }) number!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: QUOTE_STATUSES }) status!: QuoteStatus;
  @ApiProperty() accountId!: string;
  @ApiProperty() accountName!: string;
  @ApiProperty() ownerId!: string;
  @ApiProperty() ownerName!: string;
  @ApiProperty({ example: 'EUR' }) currency!: string;
  @ApiProperty({ example: '2026-07-01' }) startDate!: string;
  @ApiProperty({ type: Number, nullable: true }) termMonths!: number | null;
  @ApiProperty({ type: String, nullable: true }) validUntil!: string | null;
  @ApiProperty() lineCount!: number;
  @ApiProperty({ example: '15000.00' }) listTotal!: string;
  @ApiProperty({ example: '12750.00' }) netTotal!: string;
  @ApiProperty({ type: String, nullable: true, example: '15.00', description: '(1 − net ÷ list) × 100; null without a list amount.' }) discountPercent!: string | null;
  @ApiProperty() version!: number;
  @ApiProperty() createdAt!: string;
  @ApiProperty() updatedAt!: string;
}

export class QuoteSummaryPageDto {
  @ApiProperty({ type: [QuoteSummaryDto] }) items!: QuoteSummaryDto[];
  @ApiProperty() total!: number;
}

export class GroupTotalDto {
  @ApiProperty({ type: String, nullable: true, description: 'null for lines in no group.' }) group!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Default start of the lines in this group.' }) startDate!: string | null;
  @ApiProperty() lineCount!: number;
  @ApiProperty() listTotal!: string;
  @ApiProperty() netTotal!: string;
}

export class QuoteDto extends QuoteSummaryDto {
  @ApiProperty({ type: [String], description: 'Default split paths for orders.' }) orderBy!: string[];
  @ApiProperty({ type: String, nullable: true, description: "The CRM's id of an imported quote." }) externalId!: string | null;
  @ApiProperty({ type: 'object', additionalProperties: true }) fields!: Record<string, unknown>;
  @ApiProperty() discountAmount!: string;
  @ApiProperty() oneTimeTotal!: string;
  @ApiProperty() recurringTotal!: string;
  @ApiProperty({ type: [GroupTotalDto], description: "Totals per group in order of each group's first line (null: lines in no group), with the group's start date; declared groups without lines last." }) groups!: GroupTotalDto[];
  @ApiProperty({ type: [QuoteLineDto] }) lines!: QuoteLineDto[];
}

export class QuoteHistoryEntryDto {
  @ApiProperty() id!: string;
  @ApiProperty() at!: string;
  @ApiProperty({ type: String, nullable: true }) actorId!: string | null;
  @ApiProperty({ type: String, nullable: true }) actorName!: string | null;
  @ApiProperty({ example: 'lines_changed' }) action!: string;
  @ApiProperty({ type: String, nullable: true, enum: QUOTE_STATUSES }) fromStatus!: QuoteStatus | null;
  @ApiProperty({ type: String, nullable: true, enum: QUOTE_STATUSES }) toStatus!: QuoteStatus | null;
  @ApiProperty({ type: 'object', additionalProperties: true }) detail!: Record<string, unknown>;
}

export class QuoteHistoryPageDto {
  @ApiProperty({ type: [QuoteHistoryEntryDto] }) items!: QuoteHistoryEntryDto[];
  @ApiProperty() total!: number;
}
