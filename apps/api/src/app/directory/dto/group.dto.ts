import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayUnique, IsArray, IsInt, IsOptional, IsString, IsUUID, MaxLength, Min, MinLength } from 'class-validator';
import { PageQueryDto } from '../../common/pagination';

export class PersonDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() displayName!: string;
  @ApiProperty() email!: string;
  @ApiProperty() active!: boolean;
}

export class GroupDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty() description!: string;
  @ApiProperty({ type: [PersonDto] }) members!: PersonDto[];
  @ApiProperty({ description: 'Active approval rules that ask this group.' }) ruleCount!: number;
  @ApiProperty() updatedAt!: string;
  @ApiProperty() version!: number;
}

export class GroupPageDto {
  @ApiProperty({ type: [GroupDto] }) items!: GroupDto[];
  @ApiProperty() total!: number;
}

export class GroupQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'Matches the name, case-insensitive.' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  search?: string;
}

export class CreateGroupDto {
  @ApiProperty({ example: 'Finance approvers' })
  @IsString()
  @MinLength(1)
  @MaxLength(120)
  name!: string;

  @ApiPropertyOptional({ default: '' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  description?: string;

  @ApiPropertyOptional({ type: [String], format: 'uuid', default: [] })
  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @ArrayMaxSize(500)
  @IsUUID('all', { each: true })
  memberIds?: string[];
}

export class UpdateGroupDto {
  @ApiPropertyOptional({ example: 'Finance approvers (EMEA)', description: 'Rules ask groups by id, so a rename never changes who approves.' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(120)
  name?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(500)
  description?: string;

  @ApiProperty({ description: 'The version you read; a stale version is refused with 409.' })
  @IsInt()
  @Min(1)
  version!: number;
}

export class SetMembersDto {
  @ApiProperty({ type: [String], format: 'uuid', description: 'The complete new member list.' })
  @IsArray()
  @ArrayUnique()
  @ArrayMaxSize(500)
  @IsUUID('all', { each: true })
  memberIds!: string[];

  @ApiPropertyOptional({ description: 'The version you read; a stale version is refused with 409.' })
  @IsOptional()
  @IsInt()
  @Min(1)
  version?: number;
}

export class PersonQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'Matches name or email, case-insensitive.' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  search?: string;
}

export class PersonPageDto {
  @ApiProperty({ type: [PersonDto] }) items!: PersonDto[];
  @ApiProperty() total!: number;
}
