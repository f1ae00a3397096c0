import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { MAX_QUOTE_LINES } from '@signet/quotes-domain';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsInt, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { IsDecimalValue, IsLocalDate, IsPlainObject } from '../../common/value-validators';

/** One line as a client writes it; totals, dates and the product snapshot are derived. */
export class LineInputDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'Names the line to replace; a new id (or none) adds a line. Give your own ids to link bundle components in one call.' })
  @IsOptional()
  @IsUUID()
  id?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'The product; or give `sku`.' })
  @IsOptional()
  @IsUUID()
  productId?: string;

  @ApiPropertyOptional({ description: 'The product by sku, when `productId` is not given.' })
  @IsOptional()
  @IsString()
  @Matches(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, { message: 'sku is not a valid sku' })
  sku?: string;

  @ApiProperty({ type: String, example: '10', description: 'Positive, at most 4 decimals.' })
  @IsDecimalValue()
  quantity!: string;

  @ApiPropertyOptional({ type: String, nullable: true, example: '1200.00', description: "Per unit (recurring: per 12 months). Default: the product's list price now." })
  @IsOptional()
  @IsDecimalValue()
  listUnitPrice?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: '15', description: '0–100. Default 0.' })
  @IsOptional()
  @IsDecimalValue()
  discountPercent?: string | null;

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true, description: 'The bundle root line this line belongs to. A new line of a bundle product that no line names as parent gets its component lines added.' })
  @IsOptional()
  @IsUUID()
  parentId?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'Phase 1' })
  @IsOptional()
  @IsString()
  @MaxLength(120)
  group?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: '2026-07-01', description: "Default: the quote's start date." })
  @IsOptional()
  @IsLocalDate()
  startDate?: string | null;

  @ApiPropertyOptional({ type: Number, nullable: true, description: "Default: the quote's, else the product's term." })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(600)
  termMonths?: number | null;

  @ApiPropertyOptional({ type: 'object', additionalProperties: true, description: 'Custom line field values (see GET /fields?object=line).' })
  @IsOptional()
  @IsPlainObject()
  fields?: Record<string, unknown>;

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true, description: "A ship-to location of the quote's account." })
  @IsOptional()
  @IsUUID()
  shipToLocationId?: string | null;
}

export class PutLinesDto {
  @ApiPropertyOptional({ description: 'The quote version you read; a stale version is refused with 409.' })
  @IsOptional()
  @IsInt()
  @Min(1)
  version?: number;

  @ApiPropertyOptional({ type: [LineInputDto], description: 'Lines to add or replace whole.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_QUOTE_LINES)
  @ValidateNested({ each: true })
  @Type(() => LineInputDto)
  upsert: LineInputDto[] = [];

  @ApiPropertyOptional({ type: [String], description: 'Line ids to remove, with their bundle components. Unknown ids are ignored.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_QUOTE_LINES)
  @IsUUID('all', { each: true })
  remove: string[] = [];
}

export class QuoteLineDto {
  @ApiProperty() id!: string;
  @ApiProperty() position!: number;
  @ApiProperty() productId!: string;
  @ApiProperty() sku!: string;
  @ApiProperty() productName!: string;
  @ApiProperty({ type: String, nullable: true }) family!: string | null;
  @ApiProperty({ enum: ['one-time', 'recurring'] }) chargeType!: 'one-time' | 'recurring';
  @ApiProperty({ example: '10' }) quantity!: string;
  @ApiProperty({ example: '1200.00' }) listUnitPrice!: string;
  @ApiProperty({ example: '15' }) discountPercent!: string;
  @ApiProperty({ type: String, nullable: true }) parentId!: string | null;
  @ApiProperty({ type: String, nullable: true }) group!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'As given; null follows the quote.' }) startDate!: string | null;
  @ApiProperty({ type: Number, nullable: true, description: 'As given; null follows the quote or product.' }) termMonths!: number | null;
  @ApiProperty({ example: '2026-07-01', description: 'Resolved start.' }) startsOn!: string;
  @ApiProperty({ example: '2027-06-30', description: 'Resolved end (recurring: start + term − 1 day).' }) endsOn!: string;
  @ApiProperty({ type: Number, nullable: true, description: 'Resolved term; null for one-time lines.' }) term!: number | null;
  @ApiProperty({ example: '12000.00' }) listTotal!: string;
  @ApiProperty({ example: '10200.00' }) netTotal!: string;
  @ApiProperty({ type: 'object', additionalProperties: true }) fields!: Record<string, unknown>;
  @ApiProperty({ type: String, nullable: true, description: "A ship-to location of the quote's account." }) shipToLocationId!: string | null;
}
