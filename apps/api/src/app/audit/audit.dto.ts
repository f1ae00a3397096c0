import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { PageQueryDto } from '../common/pagination';

export class AuditQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'Only events with this action, e.g. auth.login.failed' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  action?: string;
}

export class AuditEventDto {
  @ApiProperty() id!: string;
  @ApiProperty() at!: string;
  @ApiProperty({ type: String, nullable: true }) actorId!: string | null;
  @ApiProperty() action!: string;
  @ApiProperty({ type: String, nullable: true }) targetType!: string | null;
  @ApiProperty({ type: String, nullable: true }) targetId!: string | null;
  @ApiProperty({ type: 'object', additionalProperties: true }) detail!: Record<string, unknown>;
  @ApiProperty({ type: String, nullable: true }) ip!: string | null;
}

export class AuditPageDto {
  @ApiProperty({ type: [AuditEventDto] }) items!: AuditEventDto[];
  @ApiProperty() total!: number;
}
