import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal } from '../auth/principal';
import { Roles } from '../auth/roles.decorator';
import { Role } from '../common/roles';
import { CreateUserDto, UpdateUserDto, UserDto, UserPageDto, UserQueryDto } from './dto/user.dto';
import { UsersService } from './users.service';

@ApiTags('users')
@ApiBearerAuth()
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  @Roles(Role.Admin)
  @ApiOkResponse({ type: UserPageDto })
  list(@Query() query: UserQueryDto): Promise<UserPageDto> {
    return this.users.list(query);
  }

  @Post()
  @Roles(Role.Admin)
  @ApiCreatedResponse({ type: UserDto })
  @ApiConflictResponse({ description: 'Email already in use.' })
  create(@Body() body: CreateUserDto, @CurrentPrincipal() actor: Principal): Promise<UserDto> {
    return this.users.create(body, actor);
  }

  @Get(':id')
  @Roles(Role.Admin)
  @ApiOkResponse({ type: UserDto })
  get(@Param('id', new ParseUUIDPipe()) id: string): Promise<UserDto> {
    return this.users.get(id);
  }

  @Patch(':id')
  @Roles(Role.Admin)
  @ApiOkResponse({ type: UserDto })
  @ApiConflictResponse({ description: 'Stale version, or an admin locking themselves out.' })
  update(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: UpdateUserDto, @CurrentPrincipal() actor: Principal): Promise<UserDto> {
    return this.users.update(id, body, actor);
  }
}
