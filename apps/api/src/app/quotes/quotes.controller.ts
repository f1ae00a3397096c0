import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBearerAuth, ApiConflictResponse, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal } from '../auth/principal';
import { Roles } from '../auth/roles.decorator';
import { CATALOGUE_READERS } from '../catalogue/catalogue.roles';
import { PageQueryDto } from '../common/pagination';
import { Role } from '../common/roles';
import { ImportQuoteDto } from './dto/quote-import.dto';
import { PutLinesDto } from './dto/quote-line.dto';
import { QuoteImportService } from './quote-import.service';
import { CreateQuoteDto, QuoteDto, QuoteHistoryPageDto, QuoteQueryDto, QuoteSummaryPageDto, UpdateQuoteDto } from './dto/quote.dto';
import { QuoteQueriesService } from './quote-queries.service';
import { QuotesService } from './quotes.service';

/** Sales reps write their own quotes, admins any; approvers and finance read. */
const QUOTE_WRITERS = [Role.Admin, Role.Sales];

@ApiTags('quotes')
@ApiBearerAuth()
@Controller('quotes')
export class QuotesController {
  constructor(
    private readonly quotes: QuotesService,
    private readonly queries: QuoteQueriesService,
    private readonly importer: QuoteImportService,
  ) {}

  @Get()
  @Roles(...CATALOGUE_READERS)
  @ApiOkResponse({ type: QuoteSummaryPageDto })
  list(@Query() query: QuoteQueryDto, @CurrentPrincipal() actor: Principal): Promise<QuoteSummaryPageDto> {
    return this.queries.list(query, actor);
  }

  @Post()
  @Roles(...QUOTE_WRITERS)
  @ApiCreatedResponse({ type: QuoteDto, description: 'The new draft quote with its lines and totals.' })
  create(@Body() body: CreateQuoteDto, @CurrentPrincipal() actor: Principal): Promise<QuoteDto> {
    return this.quotes.create(body, actor);
  }

  @Post('import')
  @Roles(Role.Admin, Role.Sales, Role.Integration)
  @ApiCreatedResponse({ type: QuoteDto, description: 'The imported draft quote.' })
  @ApiBadRequestResponse({ description: 'Every bad entry named in `errors` (`lines[17].sku`, …); nothing is saved.' })
  @ApiConflictResponse({ description: 'This externalId was imported before (duplicate_external_id, with quoteId).' })
  importQuote(@Body() body: ImportQuoteDto, @CurrentPrincipal() actor: Principal): Promise<QuoteDto> {
    return this.importer.import(body, actor);
  }

  @Get(':id')
  @Roles(...CATALOGUE_READERS)
  @ApiOkResponse({ type: QuoteDto })
  get(@Param('id', new ParseUUIDPipe()) id: string): Promise<QuoteDto> {
    return this.queries.get(id);
  }

  @Patch(':id')
  @Roles(...QUOTE_WRITERS)
  @ApiOkResponse({ type: QuoteDto })
  @ApiConflictResponse({ description: 'Stale version (stale_version), or the quote is pending approval (quote_locked).' })
  update(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: UpdateQuoteDto, @CurrentPrincipal() actor: Principal): Promise<QuoteDto> {
    return this.quotes.update(id, body, actor);
  }

  @Delete(':id')
  @HttpCode(204)
  @Roles(...QUOTE_WRITERS)
  @ApiNoContentResponse({ description: 'Deleted with its lines and history (the audit log keeps a record).' })
  @ApiConflictResponse({ description: 'Pending (quote_locked) or approved (invalid_state).' })
  async remove(@Param('id', new ParseUUIDPipe()) id: string, @CurrentPrincipal() actor: Principal): Promise<void> {
    await this.quotes.remove(id, actor);
  }

  @Put(':id/lines')
  @Roles(...QUOTE_WRITERS)
  @ApiOkResponse({ type: QuoteDto, description: 'The quote after the change. A change that changes nothing keeps the version.' })
  @ApiConflictResponse({ description: 'Stale version (stale_version), or the quote is pending approval (quote_locked).' })
  putLines(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: PutLinesDto, @CurrentPrincipal() actor: Principal): Promise<QuoteDto> {
    return this.quotes.putLines(id, body, actor);
  }

  @Get(':id/history')
  @Roles(...CATALOGUE_READERS)
  @ApiOkResponse({ type: QuoteHistoryPageDto })
  history(@Param('id', new ParseUUIDPipe()) id: string, @Query() query: PageQueryDto): Promise<QuoteHistoryPageDto> {
    return this.queries.historyOf(id, query);
  }
}
