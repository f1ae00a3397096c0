import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional, IsUUID } from 'class-validator';
import { PersonDto } from '../../directory/dto/group.dto';

export class SubstituteDto {
  @ApiProperty({ format: 'uuid', description: 'The approver being replaced (may be deactivated already).' })
  @IsUUID()
  fromId!: string;

  @ApiProperty({ format: 'uuid', description: 'The replacement: an active user with the approver or admin role.' })
  @IsUUID()
  toId!: string;
}

export class SubstituteQueryDto {
  @ApiPropertyOptional({ type: Boolean, default: false, description: 'true: list what would change, change nothing.' })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  dryRun?: boolean;
}

export class AffectedRuleDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty() step!: number;
  @ApiProperty({ type: String, nullable: true }) chain!: string | null;
}

export class AffectedGroupDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ description: 'The replacement was a member already: the approver is only removed.' }) alreadyMember!: boolean;
}

export class AffectedRequestDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) quoteId!: string;
  @ApiProperty() quoteName!: string;
  @ApiProperty() ruleName!: string;
  @ApiProperty() step!: number;
}

export class SubstitutionResultDto {
  @ApiProperty() dryRun!: boolean;
  @ApiProperty({ type: PersonDto }) from!: PersonDto;
  @ApiProperty({ type: PersonDto }) to!: PersonDto;
  @ApiProperty({ type: [AffectedRuleDto], description: 'Rules whose approver is the user.' }) rules!: AffectedRuleDto[];
  @ApiProperty({ type: [AffectedGroupDto] }) groups!: AffectedGroupDto[];
  @ApiProperty({ type: [AffectedRequestDto], description: 'Open requests assigned to the user.' }) openRequests!: AffectedRequestDto[];
  @ApiProperty({ type: Number, nullable: true, description: 'The rule-set version published by the change (null for a dry run or when no rule changed).' })
  ruleSetVersion!: number | null;
}
