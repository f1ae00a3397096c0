import { QuoteImportService } from './quote-import.service';
import { QuoteLinePlanner } from './quote-line-planner';
import { QuoteStructureRepository } from './quote-structure.repository';
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CatalogueModule } from '../catalogue/catalogue.module';
import { QuoteHistoryEntity } from './quote-history.entity';
import { QuoteLinesRepository } from './quote-lines.repository';
import { QuoteQueriesService } from './quote-queries.service';
import { QuoteEntity } from './quote.entity';
import { QuotesController } from './quotes.controller';
import { QuotesService } from './quotes.service';

@Module({
  imports: [TypeOrmModule.forFeature([QuoteEntity, QuoteHistoryEntity]), CatalogueModule],
  controllers: [QuotesController],
  providers: [QuotesService, QuoteQueriesService, QuoteLinesRepository, QuoteStructureRepository, QuoteLinePlanner, QuoteImportService],
  exports: [QuotesService, QuoteQueriesService, QuoteLinesRepository, QuoteStructureRepository],
})
export class QuotesModule {}
