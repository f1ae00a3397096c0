import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal } from '../auth/principal';
import { Roles } from '../auth/roles.decorator';
import { Role } from '../common/roles';
import { AccountLocationsService } from './account-locations.service';
import { CATALOGUE_READERS } from './catalogue.roles';
import { AccountLocationDto, CreateAccountLocationDto, UpdateAccountLocationDto } from './dto/account-location.dto';

@ApiTags('accounts')
@ApiBearerAuth()
@Controller('accounts/:id/locations')
export class AccountLocationsController {
  constructor(private readonly locations: AccountLocationsService) {}

  @Get()
  @Roles(...CATALOGUE_READERS)
  @ApiOkResponse({ type: [AccountLocationDto] })
  list(@Param('id', new ParseUUIDPipe()) id: string): Promise<AccountLocationDto[]> {
    return this.locations.list(id);
  }

  @Post()
  @Roles(Role.Admin, Role.Sales)
  @ApiCreatedResponse({ type: AccountLocationDto })
  @ApiConflictResponse({ description: 'The account already has a location of that name.' })
  create(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: CreateAccountLocationDto, @CurrentPrincipal() actor: Principal): Promise<AccountLocationDto> {
    return this.locations.create(id, body, actor);
  }

  @Patch(':locationId')
  @Roles(Role.Admin, Role.Sales)
  @ApiOkResponse({ type: AccountLocationDto })
  @ApiConflictResponse({ description: 'The account already has a location of that name.' })
  update(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Param('locationId', new ParseUUIDPipe()) locationId: string,
    @Body() body: UpdateAccountLocationDto,
    @CurrentPrincipal() actor: Principal,
  ): Promise<AccountLocationDto> {
    return this.locations.update(id, locationId, body, actor);
  }

  @Delete(':locationId')
  @HttpCode(204)
  @Roles(Role.Admin, Role.Sales)
  @ApiNoContentResponse({ description: 'Deleted.' })
  @ApiConflictResponse({ description: 'A quote line ships to this location; the problem names the quote.' })
  remove(@Param('id', new ParseUUIDPipe()) id: string, @Param('locationId', new ParseUUIDPipe()) locationId: string, @CurrentPrincipal() actor: Principal): Promise<void> {
    return this.locations.remove(id, locationId, actor);
  }
}
