import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal } from '../auth/principal';
import { Roles } from '../auth/roles.decorator';
import { Role } from '../common/roles';
import { AccountsService } from './accounts.service';
import { CATALOGUE_READERS } from './catalogue.roles';
import { AccountDetailDto, AccountPageDto, AccountQueryDto, CreateAccountDto, UpdateAccountDto } from './dto/account.dto';

@ApiTags('accounts')
@ApiBearerAuth()
@Controller('accounts')
export class AccountsController {
  constructor(private readonly accounts: AccountsService) {}

  @Get()
  @Roles(...CATALOGUE_READERS)
  @ApiOkResponse({ type: AccountPageDto })
  list(@Query() query: AccountQueryDto): Promise<AccountPageDto> {
    return this.accounts.list(query);
  }

  @Post()
  @Roles(Role.Admin, Role.Sales)
  @ApiCreatedResponse({ type: AccountDetailDto })
  @ApiConflictResponse({ description: 'The account number is taken.' })
  create(@Body() body: CreateAccountDto, @CurrentPrincipal() actor: Principal): Promise<AccountDetailDto> {
    return this.accounts.create(body, actor);
  }

  @Get(':id')
  @Roles(...CATALOGUE_READERS)
  @ApiOkResponse({ type: AccountDetailDto })
  get(@Param('id', new ParseUUIDPipe()) id: string): Promise<AccountDetailDto> {
    return this.accounts.get(id);
  }

  @Patch(':id')
  @Roles(Role.Admin, Role.Sales)
  @ApiOkResponse({ type: AccountDetailDto })
  @ApiConflictResponse({ description: 'Stale version, or the account number is taken.' })
  update(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: UpdateAccountDto, @CurrentPrincipal() actor: Principal): Promise<AccountDetailDto> {
    return this.accounts.update(id, body, actor);
  }
}
