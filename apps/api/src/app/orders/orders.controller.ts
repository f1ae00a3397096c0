import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Patch,
  Post,
  Query,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentPrincipal, type Principal } from '../auth/principal';
import { Roles } from '../auth/roles.decorator';
import { PageQueryDto } from '../common/pagination';
import { Role } from '../common/roles';
import {
  ActivateOrderDto,
  CancelOrderDto,
  CreateOrdersDto,
  CreateOrdersQueryDto,
  CreateOrdersResultDto,
  MergeOrdersDto,
  MoveLinesDto,
  MoveLinesResultDto,
  OrderDto,
  OrderHistoryPageDto,
  OrderPageDto,
  OrderQueryDto,
  UpdateOrderDto,
} from './dto/order.dto';
import { OrderFactPageDto } from './dto/order-facts.dto';
import { OrderChangesService } from './order-changes.service';
import { OrderCreationService } from './order-creation.service';
import { OrderLifecycleService } from './order-lifecycle.service';
import { OrderQueriesService } from './order-queries.service';

/** Back office and sales manage orders; finance reads them. */
export const ORDER_WRITERS = [Role.Admin, Role.Sales];
export const ORDER_READERS = [Role.Admin, Role.Sales, Role.Finance];

@ApiTags('orders')
@ApiBearerAuth()
@Controller()
export class OrdersController {
  constructor(
    private readonly creation: OrderCreationService,
    private readonly changes: OrderChangesService,
    private readonly lifecycle: OrderLifecycleService,
    private readonly queries: OrderQueriesService,
  ) {}

  @Post('quotes/:id/orders')
  @HttpCode(200)
  @Roles(...ORDER_WRITERS)
  @ApiOperation({
    summary:
      'Split an approved quote into draft orders (?dryRun=true returns the plan without writing).',
  })
  @ApiOkResponse({
    type: CreateOrdersResultDto,
    description:
      'The orders created (or planned). Nothing left to order → no orders.',
  })
  @ApiConflictResponse({
    description:
      'quote_not_approved, quantity_exceeds_remaining, idempotency_key_reused.',
  })
  createFromQuote(
    @Param('id', new ParseUUIDPipe()) quoteId: string,
    @Query() query: CreateOrdersQueryDto,
    @Body() body: CreateOrdersDto,
    @CurrentPrincipal() actor: Principal,
  ): Promise<CreateOrdersResultDto> {
    return this.creation.create(quoteId, body, query.dryRun === true, actor);
  }

  @Get('orders')
  @Roles(...ORDER_READERS)
  @ApiOkResponse({ type: OrderPageDto })
  list(@Query() query: OrderQueryDto): Promise<OrderPageDto> {
    return this.queries.list(query);
  }

  @Get('orders/:id')
  @Roles(...ORDER_READERS)
  @ApiOkResponse({ type: OrderDto, description: 'The order with its lines.' })
  get(@Param('id', new ParseUUIDPipe()) id: string): Promise<OrderDto> {
    return this.queries.get(id);
  }

  @Get('orders/:id/facts')
  @Roles(...ORDER_READERS)
  @ApiOperation({ summary: 'Fulfilment and invoice facts the ERPs reported about the order, newest first.' })
  @ApiOkResponse({ type: OrderFactPageDto })
  facts(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Query() query: PageQueryDto,
  ): Promise<OrderFactPageDto> {
    return this.queries.facts(id, query);
  }

  @Get('orders/:id/history')
  @Roles(...ORDER_READERS)
  @ApiOkResponse({ type: OrderHistoryPageDto })
  history(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Query() query: PageQueryDto,
  ): Promise<OrderHistoryPageDto> {
    return this.queries.history(id, query);
  }

  @Patch('orders/:id')
  @Roles(...ORDER_WRITERS)
  @ApiOkResponse({ type: OrderDto })
  @ApiConflictResponse({
    description:
      'Not a draft (invalid_state), quantity_exceeds_remaining, stale_version.',
  })
  update(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: UpdateOrderDto,
    @CurrentPrincipal() actor: Principal,
  ): Promise<OrderDto> {
    return this.changes.update(id, body, actor);
  }

  @Post('orders/:id/activate')
  @HttpCode(200)
  @Roles(...ORDER_WRITERS)
  @ApiOperation({
    summary:
      'Activate now, or with a future `on` schedule the activation (a delayed job activates it on that date).',
  })
  @ApiOkResponse({ type: OrderDto })
  @ApiConflictResponse({
    description: 'Not a draft (invalid_state), stale_version.',
  })
  activate(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: ActivateOrderDto,
    @CurrentPrincipal() actor: Principal,
  ): Promise<OrderDto> {
    return this.lifecycle.activate(id, body, actor);
  }

  @Delete('orders/:id/activation')
  @Roles(...ORDER_WRITERS)
  @ApiOperation({
    summary: 'Cancel a scheduled activation; the order stays a draft.',
  })
  @ApiOkResponse({ type: OrderDto })
  @ApiConflictResponse({ description: 'Nothing scheduled (not_scheduled).' })
  unschedule(
    @Param('id', new ParseUUIDPipe()) id: string,
    @CurrentPrincipal() actor: Principal,
  ): Promise<OrderDto> {
    return this.lifecycle.unschedule(id, actor);
  }

  @Post('orders/:id/cancel')
  @HttpCode(200)
  @Roles(...ORDER_WRITERS)
  @ApiOkResponse({
    type: OrderDto,
    description: 'Cancelled; its quantities can be ordered again.',
  })
  @ApiConflictResponse({
    description:
      'Activated or fulfilled orders cannot be cancelled (invalid_state).',
  })
  cancel(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: CancelOrderDto,
    @CurrentPrincipal() actor: Principal,
  ): Promise<OrderDto> {
    return this.lifecycle.cancel(id, body, actor);
  }

  @Post('orders/:id/move-lines')
  @HttpCode(200)
  @Roles(...ORDER_WRITERS)
  @ApiOkResponse({
    type: MoveLinesResultDto,
    description: 'Both orders after the move; an emptied source is cancelled.',
  })
  moveLines(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: MoveLinesDto,
    @CurrentPrincipal() actor: Principal,
  ): Promise<MoveLinesResultDto> {
    return this.changes.moveLines(id, body, actor);
  }

  @Post('orders/:id/merge')
  @HttpCode(200)
  @Roles(...ORDER_WRITERS)
  @ApiOkResponse({
    type: OrderDto,
    description:
      'This order with the lines of the others, which are cancelled.',
  })
  merge(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: MergeOrdersDto,
    @CurrentPrincipal() actor: Principal,
  ): Promise<OrderDto> {
    return this.changes.merge(id, body, actor);
  }
}
