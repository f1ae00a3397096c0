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
  providers: [QuotesService, QuoteQueriesService, QuoteLinesRepository],
  exports: [QuotesService, QuoteQueriesService, QuoteLinesRepository],
})
export class QuotesModule {}
