import { Body, Controller, Get, Param, ParseUUIDPipe, Put } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBearerAuth, ApiConflictResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal } from '../auth/principal';
import { Roles } from '../auth/roles.decorator';
import { Role } from '../common/roles';
import { RuleNotificationSettingsDto, UpdateRuleNotificationSettingsDto } from './dto/rule-settings.dto';
import { RuleSettingsService } from './rule-settings.service';

@ApiTags('notifications')
@ApiBearerAuth()
@Controller('notification-settings/rules')
export class RuleSettingsController {
  constructor(private readonly settings: RuleSettingsService) {}

  @Get(':id')
  @Roles(Role.Admin)
  @ApiOkResponse({ type: RuleNotificationSettingsDto })
  get(@Param('id', new ParseUUIDPipe()) id: string): Promise<RuleNotificationSettingsDto> {
    return this.settings.get(id);
  }

  @Put(':id')
  @Roles(Role.Admin)
  @ApiOkResponse({ type: RuleNotificationSettingsDto })
  @ApiBadRequestResponse({ description: 'Invalid timing, approver or webhook URL (errors by field).' })
  @ApiConflictResponse({ description: 'Stale version.' })
  update(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: UpdateRuleNotificationSettingsDto, @CurrentPrincipal() actor: Principal): Promise<RuleNotificationSettingsDto> {
    return this.settings.update(id, body, actor);
  }
}
