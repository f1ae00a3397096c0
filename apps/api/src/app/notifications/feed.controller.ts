import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal } from '../auth/principal';
import { Roles } from '../auth/roles.decorator';
import { Clock } from '../common/clock.service';
import { ALL_ROLES } from '../common/roles';
import { FeedQueryDto, MarkedReadDto, NotificationDto, NotificationPageDto, UnreadCountDto } from './dto/feed.dto';
import { FeedService } from './feed.service';
import { requireUser } from './preferences.controller';

@ApiTags('notifications')
@ApiBearerAuth()
@Controller('notifications')
export class FeedController {
  constructor(
    private readonly feed: FeedService,
    private readonly clock: Clock,
  ) {}

  @Get()
  @Roles(...ALL_ROLES)
  @ApiOkResponse({ type: NotificationPageDto })
  list(@Query() query: FeedQueryDto, @CurrentPrincipal() actor: Principal): Promise<NotificationPageDto> {
    return this.feed.list(requireUser(actor), query);
  }

  @Get('unread-count')
  @Roles(...ALL_ROLES)
  @ApiOkResponse({ type: UnreadCountDto, description: 'Cheap enough to poll (the console does every 15 s).' })
  unread(@CurrentPrincipal() actor: Principal): Promise<UnreadCountDto> {
    return this.feed.unreadCount(requireUser(actor));
  }

  @Post('read-all')
  @Roles(...ALL_ROLES)
  @HttpCode(200)
  @ApiOkResponse({ type: MarkedReadDto })
  async readAll(@CurrentPrincipal() actor: Principal): Promise<MarkedReadDto> {
    return { marked: await this.feed.markAllRead(requireUser(actor), this.clock.now()) };
  }

  @Post(':id/read')
  @Roles(...ALL_ROLES)
  @HttpCode(200)
  @ApiOkResponse({ type: NotificationDto })
  read(@Param('id', new ParseUUIDPipe()) id: string, @CurrentPrincipal() actor: Principal): Promise<NotificationDto> {
    return this.feed.markRead(requireUser(actor), id, this.clock.now());
  }
}
