import { Controller, Get, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiProperty, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/roles.decorator';
import { Role } from '../common/roles';
import { RequestTimersService } from './request-timers.service';

export class RequestTimerDto {
  @ApiProperty({ enum: ['reminder', 'escalation'] }) kind!: 'reminder' | 'escalation';
  @ApiProperty({ description: 'When it fires (business hours counted on the business calendar).' }) dueAt!: string;
}

@ApiTags('notifications')
@ApiBearerAuth()
@Controller('notification-timers')
export class TimersController {
  constructor(private readonly timers: RequestTimersService) {}

  @Get(':requestId')
  @Roles(Role.Admin)
  @ApiOkResponse({ type: [RequestTimerDto], description: 'The reminder and escalation still pending for an approval request.' })
  pending(@Param('requestId', new ParseUUIDPipe()) requestId: string): Promise<RequestTimerDto[]> {
    return this.timers.pending(requestId);
  }
}
