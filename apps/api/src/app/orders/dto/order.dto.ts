import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { PageQueryDto } from '../../common/pagination';
import { IsDecimalValue, IsLocalDate } from '../../common/value-validators';
import { OrderFactDto, OrderInvoiceDto } from './order-facts.dto';

export const ORDER_STATUSES = [
  'draft',
  'activated',
  'fulfilled',
  'cancelled',
] as const;
export type OrderStatusValue = (typeof ORDER_STATUSES)[number];
const MAX_LINES = 20_000;

export class OrderLineDto {
  @ApiProperty({
    format: 'uuid',
    description: 'The quote line this order line orders.',
  })
  lineId!: string;
  @ApiProperty({ description: 'Position of the quote line in its quote.' })
  position!: number;
  @ApiProperty() sku!: string;
  @ApiProperty() productName!: string;
  @ApiProperty({ enum: ['one-time', 'recurring'] }) chargeType!: string;
  @ApiProperty({ example: '4', description: 'Ordered quantity.' })
  quantity!: string;
  @ApiProperty({
    example: '4800.00',
    description: 'round(quote line net total × ordered ÷ quoted).',
  })
  netTotal!: string;
  @ApiProperty({ example: '2026-01-15' }) startDate!: string;
  @ApiProperty({ example: '2027-01-14' }) endDate!: string;
  @ApiProperty({ example: '0', description: 'Quantity delivered (as the ERP reported it).' }) fulfilled!: string;
  @ApiProperty({ example: '0', description: 'Cumulative quantity shipped, from ERP facts.' }) shipped!: string;
  @ApiProperty({ example: '0', description: 'Cumulative quantity delivered, from ERP facts.' }) delivered!: string;
  @ApiProperty({ type: String, nullable: true, example: '2026-02-01' }) shippedOn!: string | null;
  @ApiProperty({ type: String, nullable: true, example: '2026-02-03' }) deliveredOn!: string | null;
  @ApiProperty({ example: '0.00', description: 'Amount billed on the line over all ERP invoices.' }) invoiced!: string;
}

export class OrderDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'O-000042' }) number!: string;
  @ApiProperty({ format: 'uuid' }) quoteId!: string;
  @ApiProperty() quoteNumber!: string;
  @ApiProperty() quoteName!: string;
  @ApiProperty({ format: 'uuid' }) accountId!: string;
  @ApiProperty() accountName!: string;
  @ApiProperty({
    example: 'Berlin',
    description:
      'The split key: the values the lines were grouped by, joined by " | "; "all" without a split.',
  })
  key!: string;
  @ApiProperty({ description: 'Creation order among the orders of its quote.' })
  sequence!: number;
  @ApiProperty({ enum: ORDER_STATUSES }) status!: OrderStatusValue;
  @ApiProperty({
    example: '2026-01-15',
    description: 'Earliest start date of its lines.',
  })
  effectiveDate!: string;
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'The business date it was activated on.',
  })
  activatedOn!: string | null;
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'A future activation date, when one is scheduled.',
  })
  activationScheduledOn!: string | null;
  @ApiProperty() lineCount!: number;
  @ApiProperty({ example: '12000.00' }) netTotal!: string;
  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'The contract holding this order, once contracted.',
  })
  contractId!: string | null;
  @ApiProperty({
    type: String,
    nullable: true,
    description:
      'ERP sync status (worst over connectors), when the order was sent.',
  })
  syncStatus!: string | null;
  @ApiProperty({
    type: [String],
    description:
      'What can be done next: activate, schedule, cancel, change, contract.',
  })
  allowedActions!: string[];
  @ApiProperty() createdAt!: string;
  @ApiProperty() updatedAt!: string;
  @ApiProperty() version!: number;
  @ApiPropertyOptional({
    type: [OrderLineDto],
    description: 'Lines (order detail only).',
  })
  lines?: OrderLineDto[];
  @ApiPropertyOptional({ type: [OrderInvoiceDto], description: 'Invoices the ERPs reported (order detail only).' })
  invoices?: OrderInvoiceDto[];
  @ApiPropertyOptional({ type: [OrderFactDto], description: 'The latest ERP facts about the order, newest first (order detail only; all of them: GET /orders/:id/facts).' })
  recentFacts?: OrderFactDto[];
}

export class OrderPageDto {
  @ApiProperty({ type: [OrderDto] }) items!: OrderDto[];
  @ApiProperty() total!: number;
}

export class OrderHistoryEntryDto {
  @ApiProperty() id!: string;
  @ApiProperty() at!: string;
  @ApiProperty({ type: String, nullable: true }) actorId!: string | null;
  @ApiProperty({ type: String, nullable: true }) actorName!: string | null;
  @ApiProperty({ example: 'activate' }) event!: string;
  @ApiProperty() fromStatus!: string;
  @ApiProperty() toStatus!: string;
  @ApiProperty({ type: String, nullable: true }) reason!: string | null;
  @ApiProperty({ type: Object }) detail!: Record<string, unknown>;
}

export class OrderHistoryPageDto {
  @ApiProperty({ type: [OrderHistoryEntryDto] }) items!: OrderHistoryEntryDto[];
  @ApiProperty() total!: number;
}

export class OrderQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  quoteId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  accountId?: string;

  @ApiPropertyOptional({ enum: ORDER_STATUSES })
  @IsOptional()
  @IsIn(ORDER_STATUSES)
  status?: OrderStatusValue;

  @ApiPropertyOptional({
    type: Boolean,
    description:
      'Only orders with (true) or without (false) a scheduled activation.',
  })
  @IsOptional()
  @Transform(({ value }) =>
    value === 'true' ? true : value === 'false' ? false : value,
  )
  @IsBoolean()
  scheduled?: boolean;

  @ApiPropertyOptional({
    description: 'Order number, split key, quote number or account name.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  search?: string;
}

export class LineQuantityDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  lineId!: string;

  @ApiProperty({ type: String, example: '2' })
  @IsDecimalValue()
  quantity!: string;
}

export class CreateOrdersDto {
  @ApiPropertyOptional({
    type: [String],
    nullable: true,
    example: ['fields.shipTo'],
    description:
      "Split paths: group, sku, startDate, endDate, termMonths or fields.<line field>. Omitted: the quote's orderBy (one order when it has none). [] : one order.",
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @ArrayUnique()
  @IsString({ each: true })
  @MaxLength(100, { each: true })
  by?: string[] | null;

  @ApiPropertyOptional({
    type: [String],
    nullable: true,
    description:
      'Order only these quote lines (a bundle root or component selects the whole bundle).',
  })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_LINES)
  @IsUUID('all', { each: true })
  lines?: string[] | null;

  @ApiPropertyOptional({
    type: [LineQuantityDto],
    nullable: true,
    description: 'Partial quantities; lines not named order all that remains.',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_LINES)
  @ValidateNested({ each: true })
  @Type(() => LineQuantityDto)
  quantities?: LineQuantityDto[] | null;

  @ApiPropertyOptional({
    description:
      'Repeating a request with the same key returns the orders it created instead of creating more.',
  })
  @IsOptional()
  @IsString()
  @Matches(/^[A-Za-z0-9._:-]{8,120}$/, {
    message: 'idempotencyKey must be 8–120 letters, digits or . _ : -',
  })
  idempotencyKey?: string;
}

export class CreateOrdersQueryDto {
  @ApiPropertyOptional({
    type: Boolean,
    description: 'true: return the plan without writing anything.',
  })
  @IsOptional()
  @Transform(({ value }) =>
    value === 'true' ? true : value === 'false' ? false : value,
  )
  @IsBoolean()
  dryRun?: boolean;
}

export class PlannedLineDto {
  @ApiProperty({ format: 'uuid' }) lineId!: string;
  @ApiProperty() position!: number;
  @ApiProperty() sku!: string;
  @ApiProperty() productName!: string;
  @ApiProperty({ example: '4' }) quantity!: string;
  @ApiProperty({
    example: '10',
    description: 'Quoted quantity of the quote line.',
  })
  quoted!: string;
  @ApiProperty({ example: '4800.00' }) netTotal!: string;
  @ApiProperty() startDate!: string;
  @ApiProperty() endDate!: string;
}

export class PlannedOrderDto {
  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'null in a dry run.',
  })
  id!: string | null;
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'null in a dry run.',
  })
  number!: string | null;
  @ApiProperty() key!: string;
  @ApiProperty() effectiveDate!: string;
  @ApiProperty() lineCount!: number;
  @ApiProperty() netTotal!: string;
  @ApiProperty({ type: [PlannedLineDto] }) lines!: PlannedLineDto[];
}

export class CreateOrdersResultDto {
  @ApiProperty() dryRun!: boolean;
  @ApiProperty({
    description:
      'true when an earlier request with the same idempotency key is answered again.',
  })
  replayed!: boolean;
  @ApiProperty({ type: [String], description: 'The split paths used.' })
  by!: string[];
  @ApiProperty() orderCount!: number;
  @ApiProperty() lineCount!: number;
  @ApiProperty() netTotal!: string;
  @ApiProperty({ type: [PlannedOrderDto] }) orders!: PlannedOrderDto[];
}

export class UpdateOrderDto {
  @ApiPropertyOptional({
    description: 'The version you read; a stale version is refused with 409.',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  version?: number;

  @ApiPropertyOptional({
    example: '2026-02-01',
    description: 'A new effective date for the draft.',
  })
  @IsOptional()
  @IsLocalDate()
  effectiveDate?: string;

  @ApiPropertyOptional({
    type: [LineQuantityDto],
    description:
      'New quantities of lines on this draft (0 removes a line), within what the quote line has left.',
  })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_LINES)
  @ValidateNested({ each: true })
  @Type(() => LineQuantityDto)
  lines?: LineQuantityDto[];

  @ApiPropertyOptional({ description: 'Why (kept in the history).' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  reason?: string;
}

export class ActivateOrderDto {
  @ApiPropertyOptional({
    example: '2026-07-01',
    description:
      'Activation date. Today or earlier (or omitted: today) activates now; a future date schedules it.',
  })
  @IsOptional()
  @IsLocalDate()
  on?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsInt()
  @Min(1)
  version?: number;
}

export class LineMoveDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  lineId!: string;

  @ApiPropertyOptional({
    type: String,
    description: 'Part of the quantity to move; all of it when omitted.',
  })
  @IsOptional()
  @IsDecimalValue()
  quantity?: string;
}

export class MoveLinesDto {
  @ApiProperty({
    format: 'uuid',
    description: 'The draft order of the same quote that receives the lines.',
  })
  @IsUUID()
  to!: string;

  @ApiProperty({ type: [LineMoveDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_LINES)
  @ValidateNested({ each: true })
  @Type(() => LineMoveDto)
  lines!: LineMoveDto[];

  @ApiPropertyOptional({ description: 'Version of the source order you read.' })
  @IsOptional()
  @IsInt()
  @Min(1)
  version?: number;
}

export class MergeOrdersDto {
  @ApiProperty({
    type: [String],
    description:
      'Draft orders of the same quote to merge into this one; they are cancelled.',
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  from!: string[];

  @ApiPropertyOptional()
  @IsOptional()
  @IsInt()
  @Min(1)
  version?: number;
}

export class CancelOrderDto {
  @ApiPropertyOptional({ description: 'Why (kept in the history).' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  reason?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsInt()
  @Min(1)
  version?: number;
}

export class MoveLinesResultDto {
  @ApiProperty({ type: OrderDto }) source!: OrderDto;
  @ApiProperty({ type: OrderDto }) target!: OrderDto;
}
