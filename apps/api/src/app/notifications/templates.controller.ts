import { Body, Controller, Delete, Get, HttpCode, Param, ParseEnumPipe, Post, Put, Query } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { Inject } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBearerAuth, ApiConflictResponse, ApiOkResponse, ApiParam, ApiTags } from '@nestjs/swagger';
import { TEMPLATE_EVENTS, type TemplateEvent, templateVariableNames } from '@signet/notifications-domain';
import { CurrentPrincipal, type Principal } from '../auth/principal';
import { Roles } from '../auth/roles.decorator';
import { Role } from '../common/roles';
import { notificationConfig } from '../config/configuration';
import { PreviewTemplateDto, SaveTemplateDto, TemplateDto, TemplatePreviewDto, TemplateScopeQueryDto, TemplateVariablesDto } from './dto/template.dto';
import { TemplatesService } from './templates.service';

const eventPipe = new ParseEnumPipe(Object.fromEntries(TEMPLATE_EVENTS.map((e) => [e, e])));

@ApiTags('notifications')
@ApiBearerAuth()
@Controller('notification-templates')
export class TemplatesController {
  constructor(
    private readonly templates: TemplatesService,
    @Inject(notificationConfig.KEY) private readonly settings: ConfigType<typeof notificationConfig>,
  ) {}

  @Get()
  @Roles(Role.Admin)
  @ApiOkResponse({ type: [TemplateDto], description: 'The effective template of each event at the scope.' })
  list(@Query() query: TemplateScopeQueryDto): Promise<TemplateDto[]> {
    return this.templates.list(query.ruleId ?? null);
  }

  @Get('variables')
  @Roles(Role.Admin)
  @ApiOkResponse({ type: TemplateVariablesDto })
  variables(): TemplateVariablesDto {
    return { variables: templateVariableNames(), events: [...TEMPLATE_EVENTS] };
  }

  @Post('preview')
  @Roles(Role.Admin)
  @HttpCode(200)
  @ApiOkResponse({ type: TemplatePreviewDto, description: 'Rendered with sample data, or the problems by part and line.' })
  preview(@Body() body: PreviewTemplateDto): TemplatePreviewDto {
    return this.templates.preview(body, this.settings.publicUrl);
  }

  @Get(':event')
  @Roles(Role.Admin)
  @ApiParam({ name: 'event', enum: TEMPLATE_EVENTS })
  @ApiOkResponse({ type: TemplateDto })
  get(@Param('event', eventPipe) event: TemplateEvent, @Query() query: TemplateScopeQueryDto): Promise<TemplateDto> {
    return this.templates.get(event, query.ruleId ?? null);
  }

  @Put(':event')
  @Roles(Role.Admin)
  @ApiParam({ name: 'event', enum: TEMPLATE_EVENTS })
  @ApiOkResponse({ type: TemplateDto })
  @ApiBadRequestResponse({ description: 'A broken template: errors name the part and the line.' })
  @ApiConflictResponse({ description: 'Stale version.' })
  save(@Param('event', eventPipe) event: TemplateEvent, @Query() query: TemplateScopeQueryDto, @Body() body: SaveTemplateDto, @CurrentPrincipal() actor: Principal): Promise<TemplateDto> {
    return this.templates.save(event, query.ruleId ?? null, body, actor);
  }

  @Delete(':event')
  @Roles(Role.Admin)
  @ApiParam({ name: 'event', enum: TEMPLATE_EVENTS })
  @ApiOkResponse({ type: TemplateDto, description: 'The template that applies now (inherited).' })
  reset(@Param('event', eventPipe) event: TemplateEvent, @Query() query: TemplateScopeQueryDto, @CurrentPrincipal() actor: Principal): Promise<TemplateDto> {
    return this.templates.reset(event, query.ruleId ?? null, actor);
  }
}
