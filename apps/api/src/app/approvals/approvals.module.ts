import { Module } from '@nestjs/common';
import { ApprovalRulesModule } from '../approval-rules/approval-rules.module';
import { DirectoryModule } from '../directory/directory.module';
import { QuotesModule } from '../quotes/quotes.module';
import { ApprovalImpactService } from './approval-impact.service';
import { ApprovalQueriesService } from './approval-queries.service';
import { ApprovalStore } from './approval-store';
import { ApprovalImpactController, ApprovalRequestsController, QuoteApprovalsController } from './approvals.controller';
import { ApprovalsService } from './approvals.service';

@Module({
  imports: [ApprovalRulesModule, DirectoryModule, QuotesModule],
  controllers: [QuoteApprovalsController, ApprovalRequestsController, ApprovalImpactController],
  providers: [ApprovalStore, ApprovalsService, ApprovalQueriesService, ApprovalImpactService],
})
export class ApprovalsModule {}
