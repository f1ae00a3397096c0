import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal } from '../auth/principal';
import { Roles } from '../auth/roles.decorator';
import { Role } from '../common/roles';
import { CreateGroupDto, GroupDto, GroupPageDto, GroupQueryDto, PersonPageDto, PersonQueryDto, SetMembersDto, UpdateGroupDto } from './dto/group.dto';
import { GroupsService } from './groups.service';
import { PeopleService } from './people.service';

@ApiTags('directory')
@ApiBearerAuth()
@Controller('groups')
export class GroupsController {
  constructor(private readonly groups: GroupsService) {}

  @Get()
  @Roles(Role.Admin, Role.Sales, Role.Approver)
  @ApiOkResponse({ type: GroupPageDto })
  list(@Query() query: GroupQueryDto): Promise<GroupPageDto> {
    return this.groups.list(query);
  }

  @Post()
  @Roles(Role.Admin)
  @ApiCreatedResponse({ type: GroupDto })
  @ApiConflictResponse({ description: 'group_name_taken.' })
  create(@Body() body: CreateGroupDto, @CurrentPrincipal() actor: Principal): Promise<GroupDto> {
    return this.groups.create(body, actor);
  }

  @Get(':id')
  @Roles(Role.Admin, Role.Sales, Role.Approver)
  @ApiOkResponse({ type: GroupDto })
  get(@Param('id', new ParseUUIDPipe()) id: string): Promise<GroupDto> {
    return this.groups.get(id);
  }

  @Patch(':id')
  @Roles(Role.Admin)
  @ApiOkResponse({ type: GroupDto })
  @ApiConflictResponse({ description: 'stale_version, or group_name_taken.' })
  update(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: UpdateGroupDto, @CurrentPrincipal() actor: Principal): Promise<GroupDto> {
    return this.groups.update(id, body, actor);
  }

  @Put(':id/members')
  @Roles(Role.Admin)
  @ApiOkResponse({ type: GroupDto, description: 'Requests already open keep the members they were opened with.' })
  @ApiConflictResponse({ description: 'stale_version.' })
  setMembers(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: SetMembersDto, @CurrentPrincipal() actor: Principal): Promise<GroupDto> {
    return this.groups.setMembers(id, body, actor);
  }
}

@ApiTags('directory')
@ApiBearerAuth()
@Controller('approvers')
export class ApproversController {
  constructor(private readonly people: PeopleService) {}

  @Get()
  @Roles(Role.Admin, Role.Sales, Role.Approver)
  @ApiOkResponse({ type: PersonPageDto, description: 'Active users who can decide approvals (approver or admin role), for pickers.' })
  list(@Query() query: PersonQueryDto): Promise<PersonPageDto> {
    return this.people.approvers(query);
  }
}
