import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsIn, IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { CONNECTOR_IDS, type ConnectorId } from '@signet/sync-contracts';
import { PageQueryDto } from '../../common/pagination';

export const LEDGER_STATUSES = ['queued', 'pending', 'succeeded', 'failed', 'skipped'] as const;
export const CONNECTOR_HEALTH = ['ok', 'degraded', 'paused', 'disabled'] as const;
export type ConnectorHealth = (typeof CONNECTOR_HEALTH)[number];

export class QueueCountsDto {
  @ApiProperty() waiting!: number;
  @ApiProperty() active!: number;
  @ApiProperty() delayed!: number;
  @ApiProperty() failed!: number;
  @ApiProperty() completed!: number;
}

export class ConnectorDto {
  @ApiProperty({ enum: CONNECTOR_IDS }) id!: ConnectorId;
  @ApiProperty() name!: string;
  @ApiProperty() enabled!: boolean;
  @ApiProperty({ type: String, nullable: true }) reason!: string | null;
  @ApiProperty({ description: 'The queue is paused: jobs wait until it is resumed.' }) paused!: boolean;
  @ApiProperty({ enum: CONNECTOR_HEALTH }) health!: ConnectorHealth;
  @ApiProperty({ type: QueueCountsDto }) queue!: QueueCountsDto;
  @ApiProperty({ description: 'Ledger entries currently dead (status failed).' }) deadLetters!: number;
  @ApiProperty({ type: String, nullable: true }) lastSuccessAt!: string | null;
  @ApiProperty({ type: String, nullable: true }) lastFailureAt!: string | null;
}

export class PingAcceptedDto {
  @ApiProperty() pingId!: string;
  @ApiProperty() jobId!: string;
  @ApiProperty({ enum: CONNECTOR_IDS }) connector!: ConnectorId;
}

export class ConnectorPauseDto {
  @ApiPropertyOptional({ maxLength: 500 })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  reason?: string;
}

const trimmed = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class LedgerQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: CONNECTOR_IDS })
  @IsOptional()
  @IsIn(CONNECTOR_IDS)
  connector?: ConnectorId;

  @ApiPropertyOptional({ enum: LEDGER_STATUSES })
  @IsOptional()
  @IsIn(LEDGER_STATUSES)
  status?: string;

  @ApiPropertyOptional({ enum: ['order', 'contract', 'ping'] })
  @IsOptional()
  @IsIn(['order', 'contract', 'ping'])
  objectType?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(100)
  objectId?: string;

  @ApiPropertyOptional({ description: 'Order or contract number (exact, case-insensitive).' })
  @IsOptional()
  @Transform(trimmed)
  @IsString()
  @MaxLength(100)
  objectNumber?: string;
}

export class DeadLetterQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: CONNECTOR_IDS })
  @IsOptional()
  @IsIn(CONNECTOR_IDS)
  connector?: ConnectorId;

  @ApiPropertyOptional({ description: 'Normalised error code.' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  code?: string;
}

export class LedgerEventDto {
  @ApiProperty() eventId!: string;
  @ApiProperty() type!: string;
  @ApiProperty() sequence!: number;
  @ApiProperty({ enum: ['pending', 'succeeded', 'failed', 'skipped'] }) status!: string;
  @ApiProperty() jobId!: string;
  @ApiProperty() attempts!: number;
  @ApiProperty() redrives!: number;
  @ApiProperty({ type: String, nullable: true }) erpId!: string | null;
  @ApiProperty({ type: String, nullable: true }) errorCode!: string | null;
  @ApiProperty({ type: String, nullable: true }) errorMessage!: string | null;
  @ApiProperty({ type: String, nullable: true }) payloadHash!: string | null;
  @ApiProperty() publishedAt!: string;
  @ApiProperty({ type: String, nullable: true }) finishedAt!: string | null;
}

export class LedgerEntryDto {
  @ApiProperty() id!: string;
  @ApiProperty({ enum: CONNECTOR_IDS }) connector!: string;
  @ApiProperty() objectType!: string;
  @ApiProperty() objectId!: string;
  @ApiProperty({ type: String, nullable: true }) objectNumber!: string | null;
  @ApiProperty({ enum: LEDGER_STATUSES }) status!: string;
  @ApiProperty() jobId!: string;
  @ApiProperty() attempts!: number;
  @ApiProperty() redrives!: number;
  @ApiProperty({ type: String, nullable: true }) eventId!: string | null;
  @ApiProperty({ type: String, nullable: true }) eventType!: string | null;
  @ApiProperty() sequence!: number;
  @ApiProperty({ type: String, nullable: true }) erpId!: string | null;
  @ApiProperty({ type: String, nullable: true }) erpStatus!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Decimal string.' }) erpTotal!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Decimal string.' }) sentTotal!: string | null;
  @ApiProperty({ type: String, nullable: true }) sentOn!: string | null;
  @ApiProperty({ type: String, nullable: true }) payloadHash!: string | null;
  @ApiProperty({ type: String, nullable: true }) errorCode!: string | null;
  @ApiProperty({ type: String, nullable: true }) errorMessage!: string | null;
  @ApiProperty({ type: 'object', additionalProperties: true }) detail!: Record<string, unknown>;
  @ApiProperty() requestedAt!: string;
  @ApiProperty({ type: String, nullable: true }) finishedAt!: string | null;
  @ApiProperty() updatedAt!: string;
  @ApiProperty({ type: [LedgerEventDto] }) events!: LedgerEventDto[];
}

export class LedgerPageDto {
  @ApiProperty({ type: [LedgerEntryDto] }) items!: LedgerEntryDto[];
  @ApiProperty() total!: number;
}

export class DeadLetterDto extends LedgerEntryDto {
  @ApiProperty({ type: 'object', additionalProperties: true, nullable: true, description: 'The ERP\'s own error detail, as normalised by the connector.' })
  errorDetail!: unknown;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'The last SyncEventPayload handed to the connector.' })
  payload!: Record<string, unknown>;
}

export class DeadLetterPageDto {
  @ApiProperty({ type: [DeadLetterDto] }) items!: DeadLetterDto[];
  @ApiProperty() total!: number;
}

export class RedriveDto {
  @ApiProperty({ type: [String], description: 'Ledger entry ids (status failed).', minItems: 1, maxItems: 500 })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(500)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  ids!: string[];

  @ApiProperty({ minLength: 3, maxLength: 500 })
  @Transform(trimmed)
  @IsString()
  @MinLength(3)
  @MaxLength(500)
  reason!: string;
}

export class RedriveItemDto {
  @ApiProperty() id!: string;
  @ApiProperty() jobId!: string;
  @ApiProperty() redrives!: number;
}

export class RedriveResultDto {
  @ApiProperty({ type: [RedriveItemDto] }) items!: RedriveItemDto[];
}
