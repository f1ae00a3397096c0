import { Body, Controller, Get, HttpCode, Param, Post, Req } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiGoneResponse, ApiOkResponse, ApiParam, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { clientIp } from '../auth/principal';
import { Public } from '../auth/roles.decorator';
import { ApprovalLinksService } from './approval-links.service';
import { ApprovalLinkDto, ApprovalLinkResultDto, UseApprovalLinkDto } from './dto/approval-link.dto';

/** The one-tap links in approval emails; the signed token is the credential, so these are public. */
@ApiTags('notifications')
@Controller('approval-links')
export class ApprovalLinksController {
  constructor(private readonly links: ApprovalLinksService) {}

  @Get(':token')
  @Public()
  @ApiParam({ name: 'token', description: 'The signed token from the email link.' })
  @ApiOkResponse({ type: ApprovalLinkDto, description: 'What the link would do, the quote summary and reasons, and whether it still can.' })
  @ApiBadRequestResponse({ description: 'link_invalid: tampered, truncated or unknown.' })
  view(@Param('token') token: string): Promise<ApprovalLinkDto> {
    return this.links.view(token);
  }

  @Post(':token')
  @Public()
  @HttpCode(200)
  @ApiParam({ name: 'token', description: 'The signed token from the email link.' })
  @ApiOkResponse({ type: ApprovalLinkResultDto })
  @ApiBadRequestResponse({ description: 'link_invalid: tampered, truncated or unknown.' })
  @ApiGoneResponse({ description: 'link_expired.' })
  @ApiConflictResponse({ description: 'link_used, request_closed (decided, recalled, cancelled) or link_reassigned — nothing was changed.' })
  use(@Param('token') token: string, @Body() body: UseApprovalLinkDto, @Req() request: Request): Promise<ApprovalLinkResultDto> {
    return this.links.use(token, body.comment, clientIp(request));
  }
}
