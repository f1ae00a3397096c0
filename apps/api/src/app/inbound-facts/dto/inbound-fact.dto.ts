import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** Documentation of the inbound fact body (validated by `inboundFactErrors` in sync-contracts). */
export class FulfilmentFactLineDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'The order line (lineId of the synced document).' }) lineId?: string;
  @ApiPropertyOptional({ description: 'Or the line position in the synced document.' }) position?: number;
  @ApiProperty({ example: '2', description: 'Cumulative quantity shipped or delivered so far (not a delta).' }) quantity!: string;
  @ApiProperty({ enum: ['shipped', 'delivered'] }) status!: string;
  @ApiProperty({ example: '2026-02-01' }) date!: string;
}

export class InvoiceFactLineDto {
  @ApiPropertyOptional({ format: 'uuid' }) lineId?: string;
  @ApiPropertyOptional() position?: number;
  @ApiProperty({ example: '1200.00' }) amount!: string;
}

export class FulfilmentFactBodyDto {
  @ApiProperty({ type: [FulfilmentFactLineDto] }) lines!: FulfilmentFactLineDto[];
}

export class InvoiceFactBodyDto {
  @ApiProperty({ example: 'INV-2026-0042' }) invoiceNumber!: string;
  @ApiProperty({ example: '2026-02-01' }) date!: string;
  @ApiProperty({ example: 'EUR' }) currency!: string;
  @ApiProperty({ example: '1200.00' }) total!: string;
  @ApiProperty({ type: [InvoiceFactLineDto] }) lines!: InvoiceFactLineDto[];
}

export class InboundFactDto {
  @ApiProperty({ enum: [1] }) version!: number;
  @ApiProperty({ example: '80001234-10', description: "The ERP's own key of the fact; applied once per connector." }) factId!: string;
  @ApiProperty({ enum: ['webhook', 'sap', 'netsuite'], description: 'Must equal the connector in the path.' }) connector!: string;
  @ApiProperty({ enum: ['fulfilment', 'invoice'] }) kind!: string;
  @ApiProperty({ example: 'O-000042' }) orderNumber!: string;
  @ApiPropertyOptional() erpDocumentId?: string;
  @ApiProperty({ example: '2026-02-01T10:00:00Z', description: 'When the ERP recorded it; later facts of a line win.' }) occurredAt!: string;
  @ApiPropertyOptional({ type: FulfilmentFactBodyDto }) fulfilment?: FulfilmentFactBodyDto;
  @ApiPropertyOptional({ type: InvoiceFactBodyDto }) invoice?: InvoiceFactBodyDto;
}

export class FactOutcomeDto {
  @ApiProperty() factId!: string;
  @ApiProperty({ enum: ['applied', 'ignored', 'rejected'] }) outcome!: string;
  @ApiProperty({ type: String, nullable: true, example: 'duplicate', description: 'ignored: duplicate | out_of_order; rejected: the rejection code.' })
  reason!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'The field a rejection is about.' }) field!: string | null;
  @ApiProperty({ type: String, nullable: true }) detail!: string | null;
  @ApiProperty({ type: String, nullable: true, description: "The order's status after the fact." }) orderStatus!: string | null;
}
