import { Controller, Get, Headers, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Roles } from '../auth/roles.decorator';
import { Role } from '../common/roles';
import { ReconciliationDto, ReconciliationQueryDto } from './dto/reconciliation.dto';
import { reconciliationCsv, ReconciliationService } from './reconciliation.service';

@ApiTags('sync')
@ApiBearerAuth()
@Controller('sync')
export class ReconciliationController {
  constructor(private readonly reconciliation: ReconciliationService) {}

  @Get('reconciliation')
  @Roles(Role.Admin, Role.Finance, Role.Integration)
  @ApiOperation({ summary: 'Per day and connector: orders activated, sent and held by the ERP, with the breaks. Accept: text/csv downloads it.' })
  @ApiProduces('application/json', 'text/csv')
  @ApiOkResponse({ type: ReconciliationDto })
  async report(
    @Query() query: ReconciliationQueryDto,
    @Headers('accept') accept: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ReconciliationDto | string> {
    const report = await this.reconciliation.report(query);
    if (accept?.includes('text/csv')) {
      res.type('text/csv; charset=utf-8');
      res.setHeader('Content-Disposition', `attachment; filename="reconciliation-${report.from}-${report.to}.csv"`);
      return reconciliationCsv(report);
    }
    return report;
  }
}
