import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { MAX_QUOTE_LINES } from '@signet/quotes-domain';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  ValidateNested,
  IsEmail,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { IsLocalDate, IsPlainObject } from '../../common/value-validators';
import { QuoteGroupInputDto } from './quote.dto';

/** One line as a CRM sends it; checked entry by entry so every bad one is named `lines[i].<field>`. */
export class ImportLineDto {
  @ApiProperty({ example: 'LIC-PRO' }) sku!: string;
  @ApiProperty({
    type: String,
    example: '25',
    description: 'Positive; a number or a decimal string.',
  })
  quantity!: string;
  @ApiPropertyOptional({ type: String, example: '10' })
  discountPercent?: string;
  @ApiPropertyOptional({
    type: String,
    example: '1200.00',
    description: "Default: the product's list price.",
  })
  listUnitPrice?: string;
  @ApiPropertyOptional({
    example: '2026-07-01',
    description: "Default: the group's start, else the quote's.",
  })
  startDate?: string;
  @ApiPropertyOptional({
    example: '2027-06-30',
    description: 'Recurring lines: start + n months − 1 day; sets the term.',
  })
  endDate?: string;
  @ApiPropertyOptional({
    example: 'Phase 1',
    description: 'One of `groups` when they are given.',
  })
  group?: string;
  @ApiPropertyOptional({
    example: 'Berlin DC',
    description: 'A ship-to location of the account, by name.',
  })
  shipTo?: string;
  @ApiPropertyOptional({ type: 'object', additionalProperties: true })
  fields?: Record<string, unknown>;
}

/** Checked field by field in the service (not by the pipe), so one response names every bad entry. */
export class ImportQuoteDto {
  @ApiPropertyOptional({
    example: 'EUR',
    description: "ISO 4217; default: the account's currency.",
  })
  @IsOptional()
  @IsString()
  currency?: string;

  @ApiPropertyOptional({
    type: [String],
    example: ['group', 'shipTo'],
    description:
      'Default split of orders: group, sku, startDate, endDate, termMonths, shipTo or fields.<line field>.',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @IsString({ each: true })
  orderBy?: string[];

  @ApiPropertyOptional({
    type: [QuoteGroupInputDto],
    description: 'Line groups; a line may only name one of these when given.',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  @Type(() => QuoteGroupInputDto)
  groups?: QuoteGroupInputDto[];

  @ApiPropertyOptional({
    example: 'SF-0065g00000XyZ',
    description:
      "The CRM's id; importing it again is refused with 409 naming the existing quote.",
  })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  externalId?: string;

  @ApiPropertyOptional({
    example: 'ACME-001',
    description: 'The account by its number; or give accountId.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  accountNumber?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  accountId?: string;

  @ApiPropertyOptional({
    example: 'rep@example.com',
    description: 'The owner; default: the caller (required for API keys).',
  })
  @IsOptional()
  @IsEmail()
  ownerEmail?: string;

  @ApiProperty({ example: 'Acme expansion (from CRM)' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name!: string;

  @ApiProperty({ example: '2026-07-01' })
  @IsLocalDate()
  startDate!: string;

  @ApiProperty({ example: 12 })
  @IsInt()
  @Min(1)
  @Max(600)
  termMonths!: number;

  @ApiPropertyOptional({ type: 'object', additionalProperties: true })
  @IsOptional()
  @IsPlainObject()
  fields?: Record<string, unknown>;

  @ApiProperty({ type: [ImportLineDto] })
  @IsArray()
  @ArrayMaxSize(MAX_QUOTE_LINES)
  lines!: Record<string, unknown>[];
}
