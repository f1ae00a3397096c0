import { Body, Controller, Delete, Get, HttpCode, Param, ParseIntPipe, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBearerAuth, ApiConflictResponse, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal } from '../auth/principal';
import { Roles } from '../auth/roles.decorator';
import { PageQueryDto } from '../common/pagination';
import { Role } from '../common/roles';
import { ApprovalRulesService } from './approval-rules.service';
import {
  ApprovalRuleDto,
  ApprovalRuleInputDto,
  ApprovalRulePageDto,
  ApprovalRuleQueryDto,
  RuleSetDto,
  RuleSetPageDto,
  RuleValidationDto,
  UpdateApprovalRuleDto,
} from './dto/approval-rule.dto';
import { RuleSetsService } from './rule-sets.service';

const INVALID_RULE = 'invalid_rule: errors[] point at the offending part (conditions.N.tested, logic with position, approver.userId …).';

@ApiTags('approval-rules')
@ApiBearerAuth()
@Controller('approval-rules')
export class ApprovalRulesController {
  constructor(private readonly rules: ApprovalRulesService) {}

  @Get()
  @Roles(Role.Admin, Role.Sales, Role.Approver)
  @ApiOkResponse({ type: ApprovalRulePageDto })
  list(@Query() query: ApprovalRuleQueryDto): Promise<ApprovalRulePageDto> {
    return this.rules.list(query);
  }

  @Post()
  @Roles(Role.Admin)
  @ApiCreatedResponse({ type: ApprovalRuleDto, description: 'Saved; a new rule-set version is published.' })
  @ApiBadRequestResponse({ description: INVALID_RULE })
  create(@Body() body: ApprovalRuleInputDto, @CurrentPrincipal() actor: Principal): Promise<ApprovalRuleDto> {
    return this.rules.create(body, actor);
  }

  @Post('validate')
  @HttpCode(200)
  @Roles(Role.Admin)
  @ApiOkResponse({ type: RuleValidationDto, description: 'The checks a save would run, without saving (live validation).' })
  validate(@Body() body: ApprovalRuleInputDto): Promise<RuleValidationDto> {
    return this.rules.validate(body);
  }

  @Get(':id')
  @Roles(Role.Admin, Role.Sales, Role.Approver)
  @ApiOkResponse({ type: ApprovalRuleDto })
  get(@Param('id', new ParseUUIDPipe()) id: string): Promise<ApprovalRuleDto> {
    return this.rules.get(id);
  }

  @Patch(':id')
  @Roles(Role.Admin)
  @ApiOkResponse({ type: ApprovalRuleDto })
  @ApiBadRequestResponse({ description: INVALID_RULE })
  @ApiConflictResponse({ description: 'stale_version.' })
  update(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: UpdateApprovalRuleDto, @CurrentPrincipal() actor: Principal): Promise<ApprovalRuleDto> {
    return this.rules.update(id, body, actor);
  }

  @Delete(':id')
  @HttpCode(204)
  @Roles(Role.Admin)
  @ApiNoContentResponse({ description: 'Deleted; a new rule-set version is published. Past submissions keep their version.' })
  remove(@Param('id', new ParseUUIDPipe()) id: string, @CurrentPrincipal() actor: Principal): Promise<void> {
    return this.rules.remove(id, actor);
  }
}

@ApiTags('approval-rules')
@ApiBearerAuth()
@Controller('approval-rule-sets')
export class RuleSetsController {
  constructor(private readonly sets: RuleSetsService) {}

  @Get()
  @Roles(Role.Admin)
  @ApiOkResponse({ type: RuleSetPageDto, description: 'Versions, newest first.' })
  list(@Query() query: PageQueryDto): Promise<RuleSetPageDto> {
    return this.sets.list(query);
  }

  @Get(':version')
  @Roles(Role.Admin)
  @ApiOkResponse({ type: RuleSetDto })
  get(@Param('version', new ParseIntPipe()) version: number): Promise<RuleSetDto> {
    return this.sets.get(version);
  }
}
