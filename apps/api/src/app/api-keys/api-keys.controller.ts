import { Body, Controller, Delete, Get, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal } from '../auth/principal';
import { Roles } from '../auth/roles.decorator';
import { PageQueryDto } from '../common/pagination';
import { Role } from '../common/roles';
import { ApiKeysService } from './api-keys.service';
import { ApiKeyDto, ApiKeyPageDto, CreateApiKeyDto, CreatedApiKeyDto } from './dto/api-key.dto';

@ApiTags('api-keys')
@ApiBearerAuth()
@Controller('api-keys')
export class ApiKeysController {
  constructor(private readonly keys: ApiKeysService) {}

  @Get()
  @Roles(Role.Admin)
  @ApiOkResponse({ type: ApiKeyPageDto })
  list(@Query() query: PageQueryDto): Promise<ApiKeyPageDto> {
    return this.keys.list(query);
  }

  @Post()
  @Roles(Role.Admin)
  @ApiCreatedResponse({ type: CreatedApiKeyDto })
  create(@Body() body: CreateApiKeyDto, @CurrentPrincipal() actor: Principal): Promise<CreatedApiKeyDto> {
    return this.keys.create(body, actor);
  }

  @Delete(':id')
  @Roles(Role.Admin)
  @ApiOkResponse({ type: ApiKeyDto })
  revoke(@Param('id', new ParseUUIDPipe()) id: string, @CurrentPrincipal() actor: Principal): Promise<ApiKeyDto> {
    return this.keys.revoke(id, actor);
  }
}
