import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsOptional, IsString, MaxLength, Min, MinLength, ValidateNested } from 'class-validator';
import { OPERATORS, type Operator, type VariableFunction } from '@signet/approvals-domain';
import { PageQueryDto } from '../../common/pagination';
import { CONDITION_VALUE_SCHEMA, IsConditionValue } from './condition-value';

export const VARIABLE_FUNCTIONS: VariableFunction[] = ['sum', 'avg', 'min', 'max', 'count', 'discount'];

export class LineFilterDto {
  @ApiProperty({ example: 'family', description: 'A quote line field.' })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  field!: string;

  @ApiProperty({ enum: OPERATORS, enumName: 'ConditionOperator' })
  @IsIn(OPERATORS)
  op!: Operator;

  @ApiPropertyOptional({ ...CONDITION_VALUE_SCHEMA, example: 'License' })
  @IsOptional()
  @IsConditionValue()
  value?: string | number | boolean | null | (string | number)[];
}

export class ApprovalVariableInputDto {
  @ApiProperty({ example: 'licenseNet', description: 'Referenced by conditions as var.<name>.' })
  @IsString()
  @MinLength(1)
  @MaxLength(60)
  name!: string;

  @ApiPropertyOptional({ default: '' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  description?: string;

  @ApiProperty({ enum: VARIABLE_FUNCTIONS, enumName: 'VariableFunction', description: 'discount = (1 − Σ netTotal ÷ Σ listTotal) × 100 over the filtered lines.' })
  @IsIn(VARIABLE_FUNCTIONS)
  function!: VariableFunction;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'netTotal', description: 'The line field aggregated (not for discount; optional for count).' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  field?: string | null;

  @ApiPropertyOptional({ type: [LineFilterDto], description: 'Lines must satisfy every filter.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => LineFilterDto)
  where?: LineFilterDto[];
}

export class UpdateApprovalVariableDto extends ApprovalVariableInputDto {
  @ApiProperty({ description: 'The version you read; a stale version is refused with 409.' })
  @IsInt()
  @Min(1)
  version!: number;
}

export class ApprovalVariableDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty() description!: string;
  @ApiProperty({ enum: VARIABLE_FUNCTIONS, enumName: 'VariableFunction' }) function!: VariableFunction;
  @ApiProperty({ type: String, nullable: true }) field!: string | null;
  @ApiProperty({ type: [LineFilterDto] }) where!: LineFilterDto[];
  @ApiProperty({ description: 'Rules whose conditions use this variable.' }) usedBy!: number;
  @ApiProperty() updatedAt!: string;
  @ApiProperty() version!: number;
}

export class ApprovalVariablePageDto {
  @ApiProperty({ type: [ApprovalVariableDto] }) items!: ApprovalVariableDto[];
  @ApiProperty() total!: number;
}

export class ApprovalVariableQueryDto extends PageQueryDto {}
