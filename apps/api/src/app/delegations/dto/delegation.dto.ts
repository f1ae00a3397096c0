import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsISO8601, IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { PageQueryDto } from '../../common/pagination';
import { PersonDto } from '../../directory/dto/group.dto';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export class CreateDelegationDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'Whose requests are delegated; defaults to you. Only admins may name someone else.' })
  @IsOptional()
  @IsUUID()
  approverId?: string;

  @ApiProperty({ format: 'uuid', description: 'Who stands in; needs the approver (or admin) role.' })
  @IsUUID()
  delegateId!: string;

  @ApiProperty({ example: '2026-06-01', description: 'First day away (inclusive).' })
  @Matches(ISO_DATE, { message: 'startsOn must be a date YYYY-MM-DD' })
  @IsISO8601({ strict: true }, { message: 'startsOn must be a real date' })
  startsOn!: string;

  @ApiProperty({ example: '2026-06-10', description: 'Last day away (inclusive).' })
  @Matches(ISO_DATE, { message: 'endsOn must be a date YYYY-MM-DD' })
  @IsISO8601({ strict: true }, { message: 'endsOn must be a real date' })
  endsOn!: string;

  @ApiPropertyOptional({ default: '' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  note?: string;
}

export class DelegationQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: ['mine', 'all'], default: 'mine', description: '`mine`: delegations from or to you; `all` (admins): everyone’s.' })
  @IsOptional()
  @IsIn(['mine', 'all'])
  scope: 'mine' | 'all' = 'mine';

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  approverId?: string;

  @ApiPropertyOptional({ type: Boolean, description: 'Only delegations that have not ended (today or later).' })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  current?: boolean;
}

export class DelegationDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ type: PersonDto }) approver!: PersonDto;
  @ApiProperty({ type: PersonDto }) delegate!: PersonDto;
  @ApiProperty() startsOn!: string;
  @ApiProperty() endsOn!: string;
  @ApiProperty() note!: string;
  @ApiProperty({ enum: ['upcoming', 'active', 'ended'] }) state!: 'upcoming' | 'active' | 'ended';
  @ApiProperty({ type: String, nullable: true, format: 'uuid' }) createdBy!: string | null;
  @ApiProperty() createdAt!: string;
}

export class DelegationPageDto {
  @ApiProperty({ type: [DelegationDto] }) items!: DelegationDto[];
  @ApiProperty() total!: number;
}
