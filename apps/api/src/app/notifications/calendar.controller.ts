import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiBadRequestResponse, ApiConflictResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal } from '../auth/principal';
import { Roles } from '../auth/roles.decorator';
import { ALL_ROLES, Role } from '../common/roles';
import { CalendarService } from './calendar.service';
import { BusinessCalendarDto, UpdateBusinessCalendarDto } from './dto/calendar.dto';

@ApiTags('notifications')
@ApiBearerAuth()
@Controller('notification-settings/calendar')
export class CalendarController {
  constructor(private readonly calendar: CalendarService) {}

  @Get()
  @Roles(...ALL_ROLES)
  @ApiOkResponse({ type: BusinessCalendarDto })
  get(): Promise<BusinessCalendarDto> {
    return this.calendar.get();
  }

  @Put()
  @Roles(Role.Admin)
  @ApiOkResponse({ type: BusinessCalendarDto })
  @ApiBadRequestResponse({ description: 'Invalid calendar (problem+json with errors by field).' })
  @ApiConflictResponse({ description: 'Stale version.' })
  update(@Body() body: UpdateBusinessCalendarDto, @CurrentPrincipal() actor: Principal): Promise<BusinessCalendarDto> {
    return this.calendar.update(body, actor);
  }
}
