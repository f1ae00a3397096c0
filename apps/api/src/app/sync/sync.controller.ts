import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiConflictResponse, ApiOkResponse, ApiParam, ApiTags } from '@nestjs/swagger';
import { CONNECTOR_IDS, isConnectorId } from '@signet/sync-contracts';
import { CurrentPrincipal, type Principal } from '../auth/principal';
import { Roles } from '../auth/roles.decorator';
import { notFound } from '../common/app-error';
import { Role } from '../common/roles';
import { ConnectorDto, LedgerPageDto, LedgerQueryDto, PingAcceptedDto } from './dto/sync.dto';
import { SyncService } from './sync.service';

@ApiTags('sync')
@ApiBearerAuth()
@Controller('sync')
export class SyncController {
  constructor(private readonly sync: SyncService) {}

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
    if (!isConnectorId(connector)) throw notFound('Connector', connector);
    return this.sync.ping(connector, actor);
  }

  @Get('ledger')
  @Roles(Role.Admin, Role.Integration, Role.Finance)
  @ApiOkResponse({ type: LedgerPageDto })
  ledger(@Query() query: LedgerQueryDto): Promise<LedgerPageDto> {
    return this.sync.list(query);
  }
}
