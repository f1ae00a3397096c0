import { ApiProperty } from '@nestjs/swagger';

export const FACT_OUTCOMES = ['applied', 'ignored', 'rejected'] as const;

/** One fact an ERP reported about an order, with what Signet did with it. */
export class OrderFactDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'sap' }) connector!: string;
  @ApiProperty({ example: '80001234-10', description: "The ERP's own key of the fact." }) factId!: string;
  @ApiProperty({ enum: ['fulfilment', 'invoice'] }) kind!: string;
  @ApiProperty({ enum: ['webhook', 'poll'] }) source!: string;
  @ApiProperty({ example: 'O-000042' }) orderNumber!: string;
  @ApiProperty({ type: String, nullable: true }) erpDocumentId!: string | null;
  @ApiProperty({ description: 'When the ERP recorded it.' }) occurredAt!: string;
  @ApiProperty({ description: 'When Signet received it.' }) receivedAt!: string;
  @ApiProperty({ enum: FACT_OUTCOMES }) outcome!: string;
  @ApiProperty({ type: String, nullable: true, example: 'duplicate', description: 'Why ignored (duplicate, out_of_order) or rejected (a rejection code).' })
  reason!: string | null;
  @ApiProperty({ type: String, nullable: true }) detail!: string | null;
  @ApiProperty({ type: Object, description: 'The fact as received.' }) payload!: Record<string, unknown>;
}

export class OrderFactPageDto {
  @ApiProperty({ type: [OrderFactDto] }) items!: OrderFactDto[];
  @ApiProperty() total!: number;
}

export class OrderInvoiceLineDto {
  @ApiProperty({ format: 'uuid' }) lineId!: string;
  @ApiProperty({ example: '1200.00' }) amount!: string;
}

export class OrderInvoiceDto {
  @ApiProperty() connector!: string;
  @ApiProperty({ example: 'INV-2026-0042' }) invoiceNumber!: string;
  @ApiProperty({ example: '2026-02-01' }) date!: string;
  @ApiProperty({ example: 'EUR' }) currency!: string;
  @ApiProperty({ example: '1200.00' }) total!: string;
  @ApiProperty({ type: [OrderInvoiceLineDto] }) lines!: OrderInvoiceLineDto[];
}
