import {
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Post,
  Query,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { parseLocalDate } from '@signet/shared-kernel';
import { CurrentPrincipal, type Principal } from '../auth/principal';
import { Roles } from '../auth/roles.decorator';
import { PageQueryDto } from '../common/pagination';
import { Role } from '../common/roles';
import { ORDER_READERS, ORDER_WRITERS } from '../orders/orders.controller';
import { Account360Service } from './account-360.service';
import { AmendmentsService } from './amendments.service';
import { ContractsService } from './contracts.service';
import {
  AccountOverviewDto,
  AmendContractDto,
  AmendmentCreatedDto,
  ContractDto,
  ContractHistoryPageDto,
  ContractPageDto,
  ContractQueryDto,
  ContractVersionDto,
  CreateContractsDto,
  CreateContractsResultDto,
  EntitlementsDto,
  EntitlementsQueryDto,
  OverviewQueryDto,
  QuoteRefDto,
  RenewalSweepResultDto,
  RenewContractDto,
  TerminateContractDto,
} from './dto/contract.dto';
import { RenewalsService } from './renewals.service';

@ApiTags('contracts')
@ApiBearerAuth()
@Controller('contracts')
export class ContractsController {
  constructor(
    private readonly contracts: ContractsService,
    private readonly amendments: AmendmentsService,
    private readonly renewals: RenewalsService,
  ) {}

  @Post()
  @Roles(...ORDER_WRITERS)
  @ApiOperation({
    summary:
      'Contract activated orders of one quote: subscriptions from recurring lines, assets by conversion rule.',
  })
  @ApiCreatedResponse({ type: CreateContractsResultDto })
  @ApiConflictResponse({
    description:
      'An order is not active (order_not_active) or already contracted (invalid_state).',
  })
  async create(
    @Body() body: CreateContractsDto,
    @CurrentPrincipal() actor: Principal,
  ): Promise<CreateContractsResultDto> {
    return { contracts: await this.contracts.create(body, actor) };
  }

  @Get()
  @Roles(...ORDER_READERS)
  @ApiOkResponse({ type: ContractPageDto })
  list(@Query() query: ContractQueryDto): Promise<ContractPageDto> {
    return this.contracts.list(query);
  }

  @Post('renewals/run')
  @HttpCode(200)
  @Roles(Role.Admin)
  @ApiOperation({
    summary:
      'Run the renewal sweep now: renewal quotes for contracts ending within RENEWAL_LEAD_DAYS, expiry of ended ones.',
  })
  @ApiOkResponse({ type: RenewalSweepResultDto })
  sweep(): Promise<RenewalSweepResultDto> {
    return this.renewals.sweep();
  }

  @Get(':id')
  @Roles(...ORDER_READERS)
  @ApiOkResponse({ type: ContractDto })
  get(@Param('id', new ParseUUIDPipe()) id: string): Promise<ContractDto> {
    return this.contracts.get(id);
  }

  @Get(':id/history')
  @Roles(...ORDER_READERS)
  @ApiOkResponse({ type: ContractHistoryPageDto })
  history(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Query() query: PageQueryDto,
  ): Promise<ContractHistoryPageDto> {
    return this.contracts.history(id, query);
  }

  @Post(':id/activate')
  @HttpCode(200)
  @Roles(...ORDER_WRITERS)
  @ApiOkResponse({ type: ContractDto })
  @ApiConflictResponse({ description: 'Not a draft (invalid_state).' })
  activate(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: ContractVersionDto,
    @CurrentPrincipal() actor: Principal,
  ): Promise<ContractDto> {
    return this.contracts.activate(id, body.version, actor);
  }

  @Post(':id/terminate')
  @HttpCode(200)
  @Roles(...ORDER_WRITERS)
  @ApiOkResponse({ type: ContractDto })
  @ApiConflictResponse({
    description:
      'Not activated, or the date lies outside the contract (invalid_state).',
  })
  terminate(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: TerminateContractDto,
    @CurrentPrincipal() actor: Principal,
  ): Promise<ContractDto> {
    return this.contracts.terminate(id, body, actor);
  }

  @Post(':id/amend')
  @Roles(...ORDER_WRITERS)
  @ApiOperation({
    summary:
      'Start an amendment: a draft amendment quote with co-terminated, prorated deltas; once approved and its order activated, the contract changes.',
  })
  @ApiCreatedResponse({ type: AmendmentCreatedDto })
  @ApiConflictResponse({
    description:
      'Effective date outside the subscription, sku not subscribed, below zero (invalid_state), or an open amendment (amendment_open).',
  })
  amend(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: AmendContractDto,
    @CurrentPrincipal() actor: Principal,
  ): Promise<AmendmentCreatedDto> {
    return this.amendments.amend(id, body, actor);
  }

  @Post(':id/renew')
  @Roles(...ORDER_WRITERS)
  @ApiOperation({
    summary: 'Generate the renewal quote now (same, list or uplift pricing).',
  })
  @ApiCreatedResponse({ type: QuoteRefDto })
  @ApiConflictResponse({
    description:
      'Not activated (invalid_state) or already renewed (renewal_exists).',
  })
  renew(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: RenewContractDto,
    @CurrentPrincipal() actor: Principal,
  ): Promise<QuoteRefDto> {
    return this.renewals.renew(id, body, actor);
  }
}

@ApiTags('account-360')
@ApiBearerAuth()
@Controller('accounts')
export class Account360Controller {
  constructor(private readonly account360: Account360Service) {}

  @Get(':id/overview')
  @Roles(...ORDER_READERS)
  @ApiOkResponse({ type: AccountOverviewDto })
  overview(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Query() query: OverviewQueryDto,
  ): Promise<AccountOverviewDto> {
    return this.account360.overview(
      id,
      query.asOf ? parseLocalDate(query.asOf) : undefined,
    );
  }

  @Get(':id/entitlements')
  @Roles(...ORDER_READERS)
  @ApiOkResponse({ type: EntitlementsDto })
  entitlements(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Query() query: EntitlementsQueryDto,
  ): Promise<EntitlementsDto> {
    return this.account360.entitlements(
      id,
      query.asOf ? parseLocalDate(query.asOf) : undefined,
    );
  }
}
