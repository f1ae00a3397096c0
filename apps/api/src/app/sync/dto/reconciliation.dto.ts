import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { CONNECTOR_IDS } from '@signet/sync-contracts';
import { IsLocalDate } from '../../common/value-validators';

export class ReconciliationQueryDto {
  @ApiPropertyOptional({ example: '2026-01-01', description: 'First activation day (default: 30 days before `to`).' })
  @IsOptional()
  @IsLocalDate()
  from?: string;

  @ApiPropertyOptional({ example: '2026-01-31', description: 'Last activation day (default: today, UTC).' })
  @IsOptional()
  @IsLocalDate()
  to?: string;

  @ApiPropertyOptional({ enum: CONNECTOR_IDS, description: 'One connector (default: the enabled ones and any with ledger entries).' })
  @IsOptional()
  @IsIn(CONNECTOR_IDS)
  connector?: string;
}

export const BREAK_KINDS = ['not_synced', 'dead_letter', 'total_mismatch', 'shared_erp_id', 'unknown_order'] as const;

export class ReconciliationDayDto {
  @ApiProperty({ example: '2026-01-15' }) day!: string;
  @ApiProperty({ example: 'sap' }) connector!: string;
  @ApiProperty({ description: 'Orders activated that day.' }) activatedCount!: number;
  @ApiProperty({ example: '12000.00' }) activatedTotal!: string;
  @ApiProperty({ description: 'Of those, the ones the ledger says were sent (succeeded).' }) sentCount!: number;
  @ApiProperty({ example: '12000.00' }) sentTotal!: string;
  @ApiProperty({ description: 'Of those, the ones the ERP reported holding (an ERP document id).' }) erpCount!: number;
  @ApiProperty({ example: '12000.00', description: 'Sum of the totals the ERP reported.' }) erpTotal!: string;
  @ApiProperty() breaks!: number;
}

export class ReconciliationBreakDto {
  @ApiProperty({ enum: BREAK_KINDS }) kind!: string;
  @ApiProperty({ example: '2026-01-15' }) day!: string;
  @ApiProperty() connector!: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) orderId!: string | null;
  @ApiProperty({ example: 'O-000042' }) orderNumber!: string;
  @ApiProperty({ type: String, nullable: true }) erpId!: string | null;
  @ApiProperty({ type: String, nullable: true, example: '100.00' }) signetTotal!: string | null;
  @ApiProperty({ type: String, nullable: true, example: '99.00' }) erpTotal!: string | null;
  @ApiProperty() detail!: string;
}

export class ReconciliationDto {
  @ApiProperty({ example: '2026-01-01' }) from!: string;
  @ApiProperty({ example: '2026-01-31' }) to!: string;
  @ApiProperty({ type: [String] }) connectors!: string[];
  @ApiProperty({ type: [ReconciliationDayDto] }) days!: ReconciliationDayDto[];
  @ApiProperty({ type: [ReconciliationBreakDto] }) breaks!: ReconciliationBreakDto[];
}
