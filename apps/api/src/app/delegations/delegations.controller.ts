import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal } from '../auth/principal';
import { Roles } from '../auth/roles.decorator';
import { Role } from '../common/roles';
import { DelegationsService } from './delegations.service';
import { CreateDelegationDto, DelegationDto, DelegationPageDto, DelegationQueryDto } from './dto/delegation.dto';

@ApiTags('delegations')
@ApiBearerAuth()
@Controller('delegations')
export class DelegationsController {
  constructor(private readonly delegations: DelegationsService) {}

  @Get()
  @Roles(Role.Admin, Role.Approver)
  @ApiOkResponse({ type: DelegationPageDto })
  list(@Query() query: DelegationQueryDto, @CurrentPrincipal() actor: Principal): Promise<DelegationPageDto> {
    return this.delegations.list(query, actor);
  }

  @Post()
  @Roles(Role.Admin, Role.Approver)
  @ApiCreatedResponse({ type: DelegationDto })
  @ApiConflictResponse({ description: 'An overlapping delegation to the same delegate exists (delegation_overlaps).' })
  create(@Body() body: CreateDelegationDto, @CurrentPrincipal() actor: Principal): Promise<DelegationDto> {
    return this.delegations.create(body, actor);
  }

  @Delete(':id')
  @HttpCode(204)
  @Roles(Role.Admin, Role.Approver)
  @ApiNoContentResponse({ description: 'Removed; requests already opened keep the delegate they were given.' })
  remove(@Param('id', new ParseUUIDPipe()) id: string, @CurrentPrincipal() actor: Principal): Promise<void> {
    return this.delegations.remove(id, actor);
  }
}
