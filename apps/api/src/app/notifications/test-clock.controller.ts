import { Body, Controller, Get, HttpCode, Put } from '@nestjs/common';
import { ApiExcludeController, ApiProperty } from '@nestjs/swagger';
import { IsISO8601 } from 'class-validator';
import { Roles } from '../auth/roles.decorator';
import { Clock } from '../common/clock.service';
import { Role } from '../common/roles';

export class SetClockDto {
  @ApiProperty()
  @IsISO8601({ strict: true })
  now!: string;
}

/**
 * Test-only (registered only with SIGNET_TEST_CLOCK=true under NODE_ENV=test, never in the
 * OpenAPI document): moves the API's clock so tests of reminders, escalations, digests and
 * link expiry need not wait days. Timers re-arm against the new time; nothing else is faked.
 */
@ApiExcludeController()
@Controller('test-clock')
export class TestClockController {
  constructor(private readonly clock: Clock) {}

  @Get()
  @Roles(Role.Admin)
  get(): { now: string } {
    return { now: this.clock.now().toISOString() };
  }

  @Put()
  @Roles(Role.Admin)
  @HttpCode(200)
  set(@Body() body: SetClockDto): { now: string } {
    this.clock.set(new Date(body.now));
    return { now: this.clock.now().toISOString() };
  }
}
