import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiForbiddenResponse, ApiOkResponse, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal } from '../auth/principal';
import { Roles } from '../auth/roles.decorator';
import { Role } from '../common/roles';
import { ApprovalImpactService } from './approval-impact.service';
import { ApprovalQueriesService } from './approval-queries.service';
import { ApprovalsService } from './approvals.service';
import { BatchApproveDto, BatchApproveResultDto, CommentDto, InboxPageDto, InboxQueryDto, PreviewDto, QuoteApprovalsDto, ReassignDto, RejectDto, ReplayDto } from './dto/approval.dto';
import { ImpactDto, ImpactRequestDto } from './dto/impact.dto';

@ApiTags('approvals')
@ApiBearerAuth()
@Controller('quotes/:id/approvals')
export class QuoteApprovalsController {
  constructor(
    private readonly approvals: ApprovalsService,
    private readonly queries: ApprovalQueriesService,
  ) {}

  @Get()
  @Roles(Role.Admin, Role.Sales, Role.Approver)
  @ApiOkResponse({ type: QuoteApprovalsDto, description: 'The latest submission, earlier ones, and the append-only timeline.' })
  get(@Param('id', new ParseUUIDPipe()) id: string): Promise<QuoteApprovalsDto> {
    return this.queries.forQuote(id);
  }

  @Get('preview')
  @Roles(Role.Admin, Role.Sales, Role.Approver)
  @ApiOkResponse({ type: PreviewDto, description: 'The plan submit would start now, with reasons; changes nothing.' })
  preview(@Param('id', new ParseUUIDPipe()) id: string): Promise<PreviewDto> {
    return this.queries.preview(id);
  }

  @Post('submit')
  @HttpCode(200)
  @Roles(Role.Admin, Role.Sales)
  @ApiOkResponse({ type: QuoteApprovalsDto })
  @ApiConflictResponse({ description: 'invalid_state (already pending or approved).' })
  @ApiUnprocessableEntityResponse({ description: 'approver_unresolved: a rule’s approver cannot be resolved; nothing changed.' })
  async submit(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: CommentDto, @CurrentPrincipal() actor: Principal): Promise<QuoteApprovalsDto> {
    await this.approvals.submit(id, body.comment, actor);
    return this.queries.forQuote(id);
  }

  @Post('recall')
  @HttpCode(200)
  @Roles(Role.Admin, Role.Sales)
  @ApiOkResponse({ type: QuoteApprovalsDto })
  @ApiConflictResponse({ description: 'not_pending, or invalid_state when not the owner.' })
  async recall(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: CommentDto, @CurrentPrincipal() actor: Principal): Promise<QuoteApprovalsDto> {
    await this.approvals.recall(id, body.comment, actor);
    return this.queries.forQuote(id);
  }

  @Get('submissions/:submissionId/replay')
  @Roles(Role.Admin, Role.Approver, Role.Finance)
  @ApiOkResponse({ type: ReplayDto, description: 'Audit: the plan recomputed from the stored quote snapshot and rule-set version.' })
  replay(@Param('id', new ParseUUIDPipe()) id: string, @Param('submissionId', new ParseUUIDPipe()) submissionId: string): Promise<ReplayDto> {
    return this.queries.replay(id, submissionId);
  }
}

@ApiTags('approvals')
@ApiBearerAuth()
@Controller('approval-requests')
export class ApprovalRequestsController {
  constructor(
    private readonly approvals: ApprovalsService,
    private readonly queries: ApprovalQueriesService,
  ) {}

  @Get()
  @Roles(Role.Admin, Role.Approver)
  @ApiOkResponse({ type: InboxPageDto, description: 'Requests assigned to you (own, group and delegated), newest first.' })
  list(@Query() query: InboxQueryDto, @CurrentPrincipal() actor: Principal): Promise<InboxPageDto> {
    return this.queries.inbox(query, actor);
  }

  @Post('batch-approve')
  @HttpCode(200)
  @Roles(Role.Admin, Role.Approver)
  @ApiOkResponse({ type: BatchApproveResultDto, description: 'Each request decided in its own transaction; failures are listed, not fatal.' })
  batchApprove(@Body() body: BatchApproveDto, @CurrentPrincipal() actor: Principal): Promise<BatchApproveResultDto> {
    return this.approvals.batchApprove(body.ids, body.comment, actor);
  }

  @Post(':id/approve')
  @HttpCode(200)
  @Roles(Role.Admin, Role.Approver)
  @ApiOkResponse({ type: QuoteApprovalsDto })
  @ApiForbiddenResponse({ description: 'not_an_assignee, self_approval.' })
  @ApiConflictResponse({ description: 'request_closed (someone decided first), not_pending.' })
  async approve(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: CommentDto, @CurrentPrincipal() actor: Principal): Promise<QuoteApprovalsDto> {
    const { quoteId } = await this.approvals.decide(id, 'approve', body.comment, actor);
    return this.queries.forQuote(quoteId);
  }

  @Post(':id/reject')
  @HttpCode(200)
  @Roles(Role.Admin, Role.Approver)
  @ApiOkResponse({ type: QuoteApprovalsDto })
  @ApiForbiddenResponse({ description: 'not_an_assignee.' })
  @ApiConflictResponse({ description: 'request_closed, not_pending.' })
  async reject(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: RejectDto, @CurrentPrincipal() actor: Principal): Promise<QuoteApprovalsDto> {
    const { quoteId } = await this.approvals.decide(id, 'reject', body.comment, actor);
    return this.queries.forQuote(quoteId);
  }

  @Post(':id/reassign')
  @HttpCode(200)
  @Roles(Role.Admin, Role.Approver)
  @ApiOkResponse({ type: QuoteApprovalsDto })
  async reassign(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: ReassignDto, @CurrentPrincipal() actor: Principal): Promise<QuoteApprovalsDto> {
    const { quoteId } = await this.approvals.reassign(id, body, actor);
    return this.queries.forQuote(quoteId);
  }
}

@ApiTags('approval-rules')
@ApiBearerAuth()
@Controller('approval-rules')
export class ApprovalImpactController {
  constructor(private readonly impact: ApprovalImpactService) {}

  @Post('impact')
  @HttpCode(200)
  @Roles(Role.Admin)
  @ApiOkResponse({ type: ImpactDto, description: 'Which recent quotes would need which approvals differently under the draft.' })
  run(@Body() body: ImpactRequestDto): Promise<ImpactDto> {
    return this.impact.impact(body);
  }
}
