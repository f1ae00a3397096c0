import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBearerAuth, ApiConflictResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal } from '../auth/principal';
import { Roles } from '../auth/roles.decorator';
import { AppError } from '../common/app-error';
import { ALL_ROLES } from '../common/roles';
import { NotificationPreferencesDto, UpdateNotificationPreferencesDto } from './dto/preferences.dto';
import { PreferencesService } from './preferences.service';

export function requireUser(actor: Principal): string {
  if (actor.kind !== 'user') throw new AppError(403, 'users_only', 'Forbidden', 'Notifications belong to users; API keys have none.');
  return actor.id;
}

@ApiTags('notifications')
@ApiBearerAuth()
@Controller('me/notification-preferences')
export class PreferencesController {
  constructor(private readonly preferences: PreferencesService) {}

  @Get()
  @Roles(...ALL_ROLES)
  @ApiOkResponse({ type: NotificationPreferencesDto })
  get(@CurrentPrincipal() actor: Principal): Promise<NotificationPreferencesDto> {
    return this.preferences.get(requireUser(actor));
  }

  @Put()
  @Roles(...ALL_ROLES)
  @ApiOkResponse({ type: NotificationPreferencesDto })
  @ApiBadRequestResponse({ description: 'Invalid preferences (errors by field).' })
  @ApiConflictResponse({ description: 'Stale version.' })
  update(@Body() body: UpdateNotificationPreferencesDto, @CurrentPrincipal() actor: Principal): Promise<NotificationPreferencesDto> {
    return this.preferences.update(requireUser(actor), body);
  }
}
