import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBearerAuth, ApiConflictResponse, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal } from '../auth/principal';
import { Roles } from '../auth/roles.decorator';
import { Role } from '../common/roles';
import { ApprovalVariablesService } from './approval-variables.service';
import { ApprovalVariableDto, ApprovalVariableInputDto, ApprovalVariablePageDto, ApprovalVariableQueryDto, UpdateApprovalVariableDto } from './dto/approval-variable.dto';

@ApiTags('approval-rules')
@ApiBearerAuth()
@Controller('approval-variables')
export class ApprovalVariablesController {
  constructor(private readonly variables: ApprovalVariablesService) {}

  @Get()
  @Roles(Role.Admin, Role.Sales, Role.Approver)
  @ApiOkResponse({ type: ApprovalVariablePageDto })
  list(@Query() query: ApprovalVariableQueryDto): Promise<ApprovalVariablePageDto> {
    return this.variables.list(query);
  }

  @Post()
  @Roles(Role.Admin)
  @ApiCreatedResponse({ type: ApprovalVariableDto })
  @ApiBadRequestResponse({ description: 'invalid_variable with errors[] (name, field, where.N.field …).' })
  @ApiConflictResponse({ description: 'variable_name_taken.' })
  create(@Body() body: ApprovalVariableInputDto, @CurrentPrincipal() actor: Principal): Promise<ApprovalVariableDto> {
    return this.variables.create(body, actor);
  }

  @Patch(':id')
  @Roles(Role.Admin)
  @ApiOkResponse({ type: ApprovalVariableDto })
  @ApiConflictResponse({ description: 'stale_version, or variable_in_use when renaming a variable rules use.' })
  update(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: UpdateApprovalVariableDto, @CurrentPrincipal() actor: Principal): Promise<ApprovalVariableDto> {
    return this.variables.update(id, body, actor);
  }

  @Delete(':id')
  @HttpCode(204)
  @Roles(Role.Admin)
  @ApiNoContentResponse()
  @ApiConflictResponse({ description: 'variable_in_use.' })
  remove(@Param('id', new ParseUUIDPipe()) id: string, @CurrentPrincipal() actor: Principal): Promise<void> {
    return this.variables.remove(id, actor);
  }
}
