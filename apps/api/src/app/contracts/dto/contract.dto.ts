import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
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
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { PageQueryDto } from '../../common/pagination';
import { OrderDto } from '../../orders/dto/order.dto';
import { IsDecimalValue, IsLocalDate } from '../../common/value-validators';

export const CONTRACT_STATUSES = [
  'draft',
  'activated',
  'expired',
  'terminated',
] as const;
export const RENEWAL_PRICING = ['same', 'list', 'uplift'] as const;

export class SegmentDto {
  @ApiProperty() id!: string;
  @ApiProperty({ enum: ['original', 'amendment'] }) kind!:
    'original' | 'amendment';
  @ApiProperty({
    example: '5',
    description: 'Units (negative for a reduction).',
  })
  quantity!: string;
  @ApiProperty() startDate!: string;
  @ApiProperty() endDate!: string;
  @ApiProperty({ example: '3254.79' }) netTotal!: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) amendmentId!:
    string | null;
}

export class SubscriptionDto {
  @ApiProperty() id!: string;
  @ApiProperty({ format: 'uuid' }) contractId!: string;
  @ApiProperty() contractNumber!: string;
  @ApiProperty() sku!: string;
  @ApiProperty() productName!: string;
  @ApiProperty({ description: 'Quantity ordered originally.' })
  quantity!: string;
  @ApiProperty({
    description:
      'Quantity in force on the reference date (today, or the as-of date).',
  })
  currentQuantity!: string;
  @ApiProperty() startDate!: string;
  @ApiProperty() endDate!: string;
  @ApiProperty({ type: Number, nullable: true }) termMonths!: number | null;
  @ApiProperty() netTotal!: string;
  @ApiProperty({
    type: String,
    nullable: true,
    description: "Service level from the quote line's serviceLevel field.",
  })
  serviceLevel!: string | null;
  @ApiProperty({ format: 'uuid' }) orderId!: string;
  @ApiProperty({
    type: [SegmentDto],
    description:
      'The original segment and every amendment delta, by start date.',
  })
  segments!: SegmentDto[];
}

export class AssetDto {
  @ApiProperty() id!: string;
  @ApiProperty({ format: 'uuid' }) contractId!: string;
  @ApiProperty() contractNumber!: string;
  @ApiProperty() sku!: string;
  @ApiProperty() productName!: string;
  @ApiProperty() quantity!: string;
  @ApiProperty() startDate!: string;
  @ApiProperty({ format: 'uuid' }) orderId!: string;
  @ApiProperty({ enum: ['ordered', 'shipped', 'delivered'], description: 'Follows the ERP fulfilment facts of its order line.' })
  status!: string;
}

export class AmendmentChangeDto {
  @ApiProperty({ example: 'SUB' })
  @IsString()
  @Matches(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, {
    message: 'sku is not a valid sku',
  })
  sku!: string;

  @ApiProperty({
    type: String,
    example: '5',
    description: 'Units to add; negative to remove (down to zero).',
  })
  @IsDecimalValue()
  quantityDelta!: string;
}

export class AmendmentDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) quoteId!: string;
  @ApiProperty() quoteNumber!: string;
  @ApiProperty() quoteStatus!: string;
  @ApiProperty() effective!: string;
  @ApiProperty({ type: [AmendmentChangeDto] }) changes!: AmendmentChangeDto[];
  @ApiProperty({
    type: [SegmentDto],
    description:
      'The co-terminated, prorated deltas this amendment adds once its order is activated.',
  })
  deltas!: SegmentDto[];
  @ApiProperty({ enum: ['quoted', 'applied'] }) status!: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) orderId!:
    string | null;
  @ApiProperty() createdAt!: string;
  @ApiProperty({ type: String, nullable: true }) appliedAt!: string | null;
}

export class ContractSummaryDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'C-000007' }) number!: string;
  @ApiProperty({ format: 'uuid' }) accountId!: string;
  @ApiProperty() accountName!: string;
  @ApiProperty({ format: 'uuid' }) quoteId!: string;
  @ApiProperty() quoteNumber!: string;
  @ApiProperty({ enum: ['single', 'by-end-date'] }) method!: string;
  @ApiProperty({ enum: CONTRACT_STATUSES }) status!: string;
  @ApiProperty() startDate!: string;
  @ApiProperty() endDate!: string;
  @ApiProperty({ type: String, nullable: true }) terminatedOn!: string | null;
  @ApiProperty({ enum: RENEWAL_PRICING }) renewalPricing!: string;
  @ApiProperty({ type: String, nullable: true }) renewalUpliftPercent!:
    string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  renewalQuoteId!: string | null;
  @ApiProperty({ type: String, nullable: true }) renewalQuoteNumber!:
    string | null;
  @ApiProperty() subscriptionCount!: number;
  @ApiProperty() assetCount!: number;
  @ApiProperty() createdAt!: string;
  @ApiProperty() version!: number;
}

export class ContractDto extends ContractSummaryDto {
  @ApiProperty({ type: [String] }) orderIds!: string[];
  @ApiProperty({ type: [SubscriptionDto] }) subscriptions!: SubscriptionDto[];
  @ApiProperty({ type: [AssetDto] }) assets!: AssetDto[];
  @ApiProperty({ type: [AmendmentDto] }) amendments!: AmendmentDto[];
  @ApiProperty({
    type: [String],
    description: 'activate, amend, renew, terminate — what can be done now.',
  })
  allowedActions!: string[];
}

export class ContractPageDto {
  @ApiProperty({ type: [ContractSummaryDto] }) items!: ContractSummaryDto[];
  @ApiProperty() total!: number;
}

export class ContractQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  accountId?: string;

  @ApiPropertyOptional({ enum: CONTRACT_STATUSES })
  @IsOptional()
  @IsIn(CONTRACT_STATUSES)
  status?: (typeof CONTRACT_STATUSES)[number];

  @ApiPropertyOptional({
    description: 'Contract number, quote number or account name.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  search?: string;
}

export class CreateContractsDto {
  @ApiProperty({
    type: [String],
    description: 'Activated orders of one quote.',
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(500)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  orderIds!: string[];

  @ApiProperty({
    enum: ['single', 'by-end-date'],
    description:
      'single: one contract; by-end-date: one per subscription end date.',
  })
  @IsIn(['single', 'by-end-date'])
  method!: 'single' | 'by-end-date';

  @ApiPropertyOptional({
    default: true,
    description: 'Activate the new contracts at once (else they stay drafts).',
  })
  @IsOptional()
  @IsBoolean()
  activate?: boolean;

  @ApiPropertyOptional({
    enum: RENEWAL_PRICING,
    default: 'same',
    description: 'How the renewal quote will be priced.',
  })
  @IsOptional()
  @IsIn(RENEWAL_PRICING)
  renewalPricing?: (typeof RENEWAL_PRICING)[number];

  @ApiPropertyOptional({
    type: String,
    example: '5',
    description: 'Percent for uplift pricing.',
  })
  @IsOptional()
  @IsDecimalValue()
  renewalUpliftPercent?: string;
}

export class CreateContractsResultDto {
  @ApiProperty({ type: [ContractDto] }) contracts!: ContractDto[];
}

export class AmendContractDto {
  @ApiProperty({
    example: '2026-07-01',
    description: 'From this date to the end of each subscription.',
  })
  @IsLocalDate()
  effective!: string;

  @ApiProperty({ type: [AmendmentChangeDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => AmendmentChangeDto)
  changes!: AmendmentChangeDto[];
}

export class RenewContractDto {
  @ApiPropertyOptional({
    enum: RENEWAL_PRICING,
    description: "Default: the contract's renewal pricing.",
  })
  @IsOptional()
  @IsIn(RENEWAL_PRICING)
  pricing?: (typeof RENEWAL_PRICING)[number];

  @ApiPropertyOptional({ type: String, example: '5' })
  @IsOptional()
  @IsDecimalValue()
  upliftPercent?: string;

  @ApiPropertyOptional({
    description:
      "Renewal term in months; default: each subscription's own term.",
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(600)
  termMonths?: number;
}

export class TerminateContractDto {
  @ApiProperty({
    example: '2026-06-30',
    description: 'Last day the contract entitles the customer.',
  })
  @IsLocalDate()
  on!: string;

  @ApiPropertyOptional()
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

export class ContractVersionDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsInt()
  @Min(1)
  version?: number;
}

export class QuoteRefDto {
  @ApiProperty({ format: 'uuid' }) quoteId!: string;
  @ApiProperty() quoteNumber!: string;
}

export class AmendmentCreatedDto extends QuoteRefDto {
  @ApiProperty({ type: AmendmentDto }) amendment!: AmendmentDto;
}

export class RenewalSweepResultDto {
  @ApiProperty({ description: 'Renewal lead time in days used.' })
  leadDays!: number;
  @ApiProperty({ type: [QuoteRefDto] }) renewals!: QuoteRefDto[];
  @ApiProperty({ type: [String], description: 'Contracts that expired.' })
  expired!: string[];
}

export class ContractHistoryEntryDto {
  @ApiProperty() id!: string;
  @ApiProperty() at!: string;
  @ApiProperty({ type: String, nullable: true }) actorName!: string | null;
  @ApiProperty() event!: string;
  @ApiProperty() fromStatus!: string;
  @ApiProperty() toStatus!: string;
  @ApiProperty({ type: String, nullable: true }) reason!: string | null;
}

export class ContractHistoryPageDto {
  @ApiProperty({ type: [ContractHistoryEntryDto] })
  items!: ContractHistoryEntryDto[];
  @ApiProperty() total!: number;
}

export class EntitlementDto {
  @ApiProperty() sku!: string;
  @ApiProperty() productName!: string;
  @ApiProperty({ example: '15' }) quantity!: string;
  @ApiProperty({ type: [String] }) serviceLevels!: string[];
  @ApiProperty({
    type: [String],
    description: 'Numbers of the contracts entitling it.',
  })
  contracts!: string[];
}

export class EntitlementsDto {
  @ApiProperty() asOf!: string;
  @ApiProperty({ type: [EntitlementDto] }) items!: EntitlementDto[];
}

export class EntitlementsQueryDto {
  @ApiPropertyOptional({
    example: '2026-08-01',
    description: 'Default: today.',
  })
  @IsOptional()
  @IsLocalDate()
  asOf?: string;
}

export class TimelineEventDto {
  @ApiProperty() date!: string;
  @ApiProperty({
    enum: [
      'order-activated',
      'order-scheduled',
      'contract-start',
      'contract-end',
      'amendment',
      'renewal-quote',
      'termination',
    ],
  })
  kind!: string;
  @ApiProperty() label!: string;
  @ApiProperty() objectId!: string;
}

export class AccountRefDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ type: String, nullable: true }) accountNumber!: string | null;
}

export class AccountOverviewDto {
  @ApiProperty({ type: AccountRefDto }) account!: AccountRefDto;
  @ApiProperty() asOf!: string;
  @ApiProperty({ type: [ContractSummaryDto] }) contracts!: ContractSummaryDto[];
  @ApiProperty({ type: [SubscriptionDto] }) subscriptions!: SubscriptionDto[];
  @ApiProperty({ type: [AssetDto] }) assets!: AssetDto[];
  @ApiProperty({
    type: [OrderDto],
    description:
      'Orders with their ERP sync status, newest first (at most 200).',
  })
  orders!: OrderDto[];
  @ApiProperty({ type: [EntitlementDto] }) entitlements!: EntitlementDto[];
  @ApiProperty({ type: [TimelineEventDto] }) timeline!: TimelineEventDto[];
}

export class OverviewQueryDto extends EntitlementsQueryDto {}
