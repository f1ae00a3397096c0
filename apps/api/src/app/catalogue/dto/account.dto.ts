import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsInt, IsOptional, IsString, Matches, MaxLength, Min, MinLength, ValidateNested } from 'class-validator';
import { PageQueryDto } from '../../common/pagination';
import { IsPlainObject } from '../../common/value-validators';
import { AccountLocationDto } from './account-location.dto';
import { toBoolean } from './product.dto';

const COUNTRY = /^[A-Z]{2}$/;
const CURRENCY = /^[A-Z]{3}$/;

export class BillingAddressDto {
  @ApiPropertyOptional({ type: String, nullable: true, example: 'Acme GmbH, Accounts payable' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  name?: string | null;

  @ApiProperty({ example: 'Hauptstraße 5' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  street!: string;

  @ApiProperty({ example: 'Berlin' })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  city!: string;

  @ApiProperty({ example: '10115' })
  @IsString()
  @MinLength(1)
  @MaxLength(20)
  postalCode!: string;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'BE' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  region?: string | null;

  @ApiProperty({ example: 'DE', description: 'ISO 3166-1 alpha-2.' })
  @Matches(COUNTRY, { message: 'billingAddress.country must be two capital letters (ISO 3166-1 alpha-2)' })
  country!: string;
}

/** The account's id per ERP connector; the OpenAPI shape of what `validateExternalIds` accepts. */
export class ExternalIdsDto {
  @ApiPropertyOptional({ type: String, nullable: true, example: '17100001', description: 'SAP customer number, 1–10 letters or digits; null removes it.' })
  sap?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: '1042', description: 'NetSuite internal id (digits); null removes it.' })
  netsuite?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'acme-eu', description: 'Key sent to webhook receivers, at most 64 characters; null removes it.' })
  webhook?: string | null;
}

export class CreateAccountDto {
  @ApiProperty({ example: 'Acme Corporation' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name!: string;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'C-10042', description: 'The CRM or ERP number; unique when given.' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(64)
  accountNumber?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'DE', description: 'ISO 3166-1 alpha-2.' })
  @IsOptional()
  @Matches(/^[A-Z]{2}$/, { message: 'country must be two capital letters (ISO 3166-1 alpha-2)' })
  country?: string | null;

  @ApiPropertyOptional({ example: 'EUR', default: 'USD', description: 'ISO 4217; the default currency of new quotes.' })
  @IsOptional()
  @Matches(CURRENCY, { message: 'currency must be three capital letters (ISO 4217)' })
  currency?: string;

  @ApiPropertyOptional({ type: BillingAddressDto, nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => BillingAddressDto)
  billingAddress?: BillingAddressDto | null;

  @ApiPropertyOptional({ type: ExternalIdsDto, description: 'Only the connectors given change; null removes one; other keys are refused.' })
  @IsOptional()
  @IsPlainObject({ message: 'externalIds must be an object keyed by connector (sap, netsuite, webhook)' })
  externalIds?: Record<string, string | null>;
}

export class UpdateAccountDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name?: string;

  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(64)
  accountNumber?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @Matches(/^[A-Z]{2}$/, { message: 'country must be two capital letters (ISO 3166-1 alpha-2)' })
  country?: string | null;

  @ApiPropertyOptional({ example: 'EUR', default: 'USD', description: 'ISO 4217; the default currency of new quotes.' })
  @IsOptional()
  @Matches(CURRENCY, { message: 'currency must be three capital letters (ISO 4217)' })
  currency?: string;

  @ApiPropertyOptional({ type: BillingAddressDto, nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => BillingAddressDto)
  billingAddress?: BillingAddressDto | null;

  @ApiPropertyOptional({ type: ExternalIdsDto, description: 'Only the connectors given change; null removes one; other keys are refused.' })
  @IsOptional()
  @IsPlainObject({ message: 'externalIds must be an object keyed by connector (sap, netsuite, webhook)' })
  externalIds?: Record<string, string | null>;

  @ApiPropertyOptional({ description: 'false hides the account from new quotes.' })
  @IsOptional()
  @IsBoolean()
  active?: boolean;

  @ApiPropertyOptional({ description: 'The version you read; a stale version is refused with 409.' })
  @IsOptional()
  @IsInt()
  @Min(1)
  version?: number;
}

export class AccountQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'Matches name or account number, case-insensitive.' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  search?: string;

  @ApiPropertyOptional({ type: Boolean })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  active?: boolean;
}

export class AccountDto {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ type: String, nullable: true }) accountNumber!: string | null;
  @ApiProperty({ type: String, nullable: true }) country!: string | null;
  @ApiProperty({ example: 'USD' }) currency!: string;
  @ApiProperty({ type: BillingAddressDto, nullable: true }) billingAddress!: BillingAddressDto | null;
  @ApiProperty({ type: ExternalIdsDto }) externalIds!: ExternalIdsDto;
  @ApiProperty() active!: boolean;
  @ApiProperty() version!: number;
  @ApiProperty() createdAt!: string;
  @ApiProperty() updatedAt!: string;
}

export class AccountPageDto {
  @ApiProperty({ type: [AccountDto] }) items!: AccountDto[];
  @ApiProperty() total!: number;
}

/** One account with its ship-to locations. */
export class AccountDetailDto extends AccountDto {
  @ApiProperty({ type: [AccountLocationDto] }) locations!: AccountLocationDto[];
}
