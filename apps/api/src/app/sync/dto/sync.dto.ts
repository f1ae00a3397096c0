import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { CONNECTOR_IDS, type ConnectorId } from '@signet/sync-contracts';
import { PageQueryDto } from '../../common/pagination';

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
  @ApiProperty({ type: QueueCountsDto }) queue!: QueueCountsDto;
}

export class PingAcceptedDto {
  @ApiProperty() pingId!: string;
  @ApiProperty() jobId!: string;
  @ApiProperty({ enum: CONNECTOR_IDS }) connector!: ConnectorId;
}

export class LedgerQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: CONNECTOR_IDS })
  @IsOptional()
  @IsIn(CONNECTOR_IDS)
  connector?: ConnectorId;

  @ApiPropertyOptional({ enum: ['queued', 'succeeded', 'failed', 'skipped'] })
  @IsOptional()
  @IsIn(['queued', 'succeeded', 'failed', 'skipped'])
  status?: string;
}

export class LedgerEntryDto {
  @ApiProperty() id!: string;
  @ApiProperty({ enum: CONNECTOR_IDS }) connector!: string;
  @ApiProperty() objectType!: string;
  @ApiProperty() objectId!: string;
  @ApiProperty({ enum: ['queued', 'succeeded', 'failed', 'skipped'] }) status!: string;
  @ApiProperty() jobId!: string;
  @ApiProperty() attempts!: number;
  @ApiProperty({ type: String, nullable: true }) erpId!: string | null;
  @ApiProperty({ type: String, nullable: true }) errorCode!: string | null;
  @ApiProperty({ type: String, nullable: true }) errorMessage!: string | null;
  @ApiProperty({ type: 'object', additionalProperties: true }) detail!: Record<string, unknown>;
  @ApiProperty() requestedAt!: string;
  @ApiProperty({ type: String, nullable: true }) finishedAt!: string | null;
}

export class LedgerPageDto {
  @ApiProperty({ type: [LedgerEntryDto] }) items!: LedgerEntryDto[];
  @ApiProperty() total!: number;
}
