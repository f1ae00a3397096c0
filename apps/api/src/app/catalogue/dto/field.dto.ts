import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { FIELD_TYPES, type FieldObject, type FieldType } from '@signet/quotes-domain';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsInt, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { PageQueryDto } from '../../common/pagination';

const OBJECTS: FieldObject[] = ['quote', 'line'];

export class CreateFieldDto {
  @ApiProperty({ enum: OBJECTS, description: 'Whether the field sits on quotes or on quote lines.' })
  @IsIn(OBJECTS)
  object!: FieldObject;

  @ApiProperty({ example: 'shipTo', description: 'API name: lower camel case; rules test quote.<name>, splits use fields.<name>.' })
  @IsString()
  @MaxLength(40)
  name!: string;

  @ApiProperty({ example: 'Ship to' })
  @IsString()
  @MinLength(1)
  @MaxLength(120)
  label!: string;

  @ApiProperty({ enum: FIELD_TYPES })
  @IsIn([...FIELD_TYPES])
  type!: FieldType;

  @ApiPropertyOptional({ type: [String], description: 'The values a picklist allows.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(200)
  @IsString({ each: true })
  options?: string[];

  @ApiPropertyOptional({ default: false, description: 'A picklist holding several values.' })
  @IsOptional()
  @IsBoolean()
  multiple?: boolean;

  @ApiPropertyOptional({ type: Number, minimum: 0, maximum: 6, example: 2, description: 'decimal fields only: how many decimals a value may have; absent allows any.' })
  @IsOptional()
  @IsInt()
  scale?: number;
}

export class FieldQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: OBJECTS })
  @IsOptional()
  @IsIn(OBJECTS)
  object?: FieldObject;
}

export class FieldDto {
  @ApiProperty() id!: string;
  @ApiProperty({ enum: OBJECTS }) object!: FieldObject;
  @ApiProperty() name!: string;
  @ApiProperty() label!: string;
  @ApiProperty({ enum: FIELD_TYPES }) type!: FieldType;
  @ApiProperty({ type: [String], nullable: true }) options!: string[] | null;
  @ApiProperty() multiple!: boolean;
  @ApiProperty({ type: Number, nullable: true, description: 'Decimals a decimal field allows; null: any.' }) scale!: number | null;
  @ApiProperty() createdAt!: string;
}

export class FieldPageDto {
  @ApiProperty({ type: [FieldDto] }) items!: FieldDto[];
  @ApiProperty() total!: number;
}
