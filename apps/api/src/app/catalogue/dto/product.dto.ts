import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min, MinLength, ValidateNested } from 'class-validator';
import { PageQueryDto } from '../../common/pagination';
import { IsDecimalValue } from '../../common/value-validators';
import { ProductComponentDto, ProductComponentInputDto } from './product-component.dto';
import type { AssetConversion, ChargeType, RevenueMethod } from '../product.entity';

const CHARGE_TYPES: ChargeType[] = ['one-time', 'recurring'];
const REVENUE_METHODS: RevenueMethod[] = ['point-in-time', 'ratable'];
const ASSET_CONVERSIONS: AssetConversion[] = ['per-unit', 'per-line', 'none'];

export const toBoolean = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);

export class CreateProductDto {
  @ApiProperty({ example: 'SUB-PLATFORM', description: 'Unique (case-insensitive); letters, digits, . _ -' })
  @IsString()
  @Matches(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, { message: 'sku must be 1–64 letters, digits, dots, underscores or dashes' })
  sku!: string;

  @ApiProperty({ example: 'Platform subscription' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name!: string;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'License' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  family?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  description?: string | null;

  @ApiProperty({ enum: CHARGE_TYPES })
  @IsIn(CHARGE_TYPES)
  chargeType!: ChargeType;

  @ApiPropertyOptional({ enum: REVENUE_METHODS, description: 'Default: point-in-time for one-time, ratable for recurring.' })
  @IsOptional()
  @IsIn(REVENUE_METHODS)
  revenueMethod?: RevenueMethod;

  @ApiProperty({ type: String, example: '1200.00', description: 'Per unit; recurring products per unit per 12 months.' })
  @IsDecimalValue()
  listPrice!: string;

  @ApiPropertyOptional({ type: String, nullable: true, example: '1100.00', description: 'Standalone selling price, same basis as listPrice.' })
  @IsOptional()
  @IsDecimalValue()
  ssp?: string | null;

  @ApiPropertyOptional({ type: Number, nullable: true, example: 12, description: 'Default term of a recurring product.' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(600)
  termMonths?: number | null;

  @ApiPropertyOptional({ enum: ASSET_CONVERSIONS, default: 'none' })
  @IsOptional()
  @IsIn(ASSET_CONVERSIONS)
  assetConversion?: AssetConversion;

  @ApiPropertyOptional({ type: [ProductComponentInputDto], description: 'Makes the product a bundle; the list replaces the stored one as a whole ([] removes all).' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => ProductComponentInputDto)
  components?: ProductComponentInputDto[];
}

export class UpdateProductDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name?: string;

  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  family?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  description?: string | null;

  @ApiPropertyOptional({ enum: REVENUE_METHODS })
  @IsOptional()
  @IsIn(REVENUE_METHODS)
  revenueMethod?: RevenueMethod;

  @ApiPropertyOptional({ type: String, description: 'New quote lines take the new price; existing lines keep theirs.' })
  @IsOptional()
  @IsDecimalValue()
  listPrice?: string;

  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @IsDecimalValue()
  ssp?: string | null;

  @ApiPropertyOptional({ type: Number, nullable: true })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(600)
  termMonths?: number | null;

  @ApiPropertyOptional({ enum: ASSET_CONVERSIONS })
  @IsOptional()
  @IsIn(ASSET_CONVERSIONS)
  assetConversion?: AssetConversion;

  @ApiPropertyOptional({ type: [ProductComponentInputDto], description: 'Makes the product a bundle; the list replaces the stored one as a whole ([] removes all).' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => ProductComponentInputDto)
  components?: ProductComponentInputDto[];

  @ApiPropertyOptional({ description: 'false retires the product: it can no longer be added to quotes.' })
  @IsOptional()
  @IsBoolean()
  active?: boolean;

  @ApiPropertyOptional({ description: 'The version you read; a stale version is refused with 409.' })
  @IsOptional()
  @IsInt()
  @Min(1)
  version?: number;
}

export class ProductQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'Matches sku or name, case-insensitive.' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  search?: string;

  @ApiPropertyOptional({ enum: CHARGE_TYPES })
  @IsOptional()
  @IsIn(CHARGE_TYPES)
  chargeType?: ChargeType;

  @ApiPropertyOptional({ type: Boolean })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  active?: boolean;

  @ApiPropertyOptional({ type: Boolean, description: 'true: only bundles; false: only products without components.' })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  bundle?: boolean;
}

export class ProductDto {
  @ApiProperty() id!: string;
  @ApiProperty() sku!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ type: String, nullable: true }) family!: string | null;
  @ApiProperty({ type: String, nullable: true }) description!: string | null;
  @ApiProperty({ enum: CHARGE_TYPES }) chargeType!: ChargeType;
  @ApiProperty({ enum: REVENUE_METHODS }) revenueMethod!: RevenueMethod;
  @ApiProperty({ example: '1200.00' }) listPrice!: string;
  @ApiProperty({ type: String, nullable: true }) ssp!: string | null;
  @ApiProperty({ type: Number, nullable: true }) termMonths!: number | null;
  @ApiProperty({ enum: ASSET_CONVERSIONS }) assetConversion!: AssetConversion;
  @ApiProperty() active!: boolean;
  @ApiProperty({ description: 'Whether the product has components.' }) isBundle!: boolean;
  @ApiProperty({ type: [ProductComponentDto] }) components!: ProductComponentDto[];
  @ApiProperty() version!: number;
  @ApiProperty() createdAt!: string;
  @ApiProperty() updatedAt!: string;
}

export class ProductPageDto {
  @ApiProperty({ type: [ProductDto] }) items!: ProductDto[];
  @ApiProperty() total!: number;
}
