import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiConflictResponse, ApiNotFoundResponse, ApiOkResponse, ApiParam, ApiTags } from '@nestjs/swagger';
import { CONNECTOR_IDS, type ConnectorId, isConnectorId } from '@signet/sync-contracts';
import { CurrentPrincipal, type Principal } from '../auth/principal';
import { Roles } from '../auth/roles.decorator';
import { notFound } from '../common/app-error';
import { Role } from '../common/roles';
import {
  ConnectorDto,
  ConnectorPauseDto,
  DeadLetterPageDto,
  DeadLetterQueryDto,
  LedgerPageDto,
  LedgerQueryDto,
  PingAcceptedDto,
  RedriveDto,
  RedriveResultDto,
} from './dto/sync.dto';
import { LedgerQueries } from './ledger-queries.service';
import { RedriveService } from './redrive.service';
import { SyncService } from './sync.service';

function connectorParam(connector: string): ConnectorId {
  if (!isConnectorId(connector)) throw notFound('Connector', connector);
  return connector;
}

@ApiTags('sync')
@ApiBearerAuth()
@Controller('sync')
export class SyncController {
  constructor(
    private readonly sync: SyncService,
    private readonly ledgerQueries: LedgerQueries,
    private readonly redrives: RedriveService,
  ) {}

  @Get('connectors')
  @Roles(Role.Admin, Role.Integration)
  @ApiOkResponse({ type: [ConnectorDto] })
  connectors(): Promise<ConnectorDto[]> {
    return this.sync.connectors();
  }

  @Post('connectors/:connector/ping')
  @Roles(Role.Admin)
  @HttpCode(202)
  @ApiParam({ name: 'connector', enum: CONNECTOR_IDS })
  @ApiAcceptedResponse({ type: PingAcceptedDto })
  @ApiConflictResponse({ description: 'The connector is disabled.' })
  ping(@Param('connector') connector: string, @CurrentPrincipal() actor: Principal): Promise<PingAcceptedDto> {
    return this.sync.ping(connectorParam(connector), actor);
  }

  @Post('connectors/:connector/pause')
  @Roles(Role.Admin, Role.Integration)
  @HttpCode(200)
  @ApiParam({ name: 'connector', enum: CONNECTOR_IDS })
  @ApiOkResponse({ type: ConnectorDto })
  pause(@Param('connector') connector: string, @Body() body: ConnectorPauseDto, @CurrentPrincipal() actor: Principal): Promise<ConnectorDto> {
    return this.sync.setPaused(connectorParam(connector), true, actor, body.reason);
  }

  @Post('connectors/:connector/resume')
  @Roles(Role.Admin, Role.Integration)
  @HttpCode(200)
  @ApiParam({ name: 'connector', enum: CONNECTOR_IDS })
  @ApiOkResponse({ type: ConnectorDto })
  resume(@Param('connector') connector: string, @Body() body: ConnectorPauseDto, @CurrentPrincipal() actor: Principal): Promise<ConnectorDto> {
    return this.sync.setPaused(connectorParam(connector), false, actor, body.reason);
  }

  @Get('ledger')
  @Roles(Role.Admin, Role.Integration, Role.Finance)
  @ApiOkResponse({ type: LedgerPageDto })
  ledger(@Query() query: LedgerQueryDto): Promise<LedgerPageDto> {
    return this.sync.list(query);
  }

  @Get('dead-letters')
  @Roles(Role.Admin, Role.Integration)
  @ApiOkResponse({ type: DeadLetterPageDto })
  deadLetters(@Query() query: DeadLetterQueryDto): Promise<DeadLetterPageDto> {
    return this.ledgerQueries.deadLetters(query);
  }

  @Post('dead-letters/redrive')
  @Roles(Role.Admin, Role.Integration)
  @HttpCode(202)
  @ApiAcceptedResponse({ type: RedriveResultDto })
  @ApiNotFoundResponse({ description: 'A ledger entry does not exist.' })
  @ApiConflictResponse({ description: 'A ledger entry is not a dead letter, or its connector is disabled.' })
  redrive(@Body() body: RedriveDto, @CurrentPrincipal() actor: Principal): Promise<RedriveResultDto> {
    return this.redrives.redrive(body, actor);
  }
}
