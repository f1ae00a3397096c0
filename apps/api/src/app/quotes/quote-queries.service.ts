import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, type EntityManager, type Repository } from 'typeorm';
import type { Principal } from '../auth/principal';
import { AccountEntity } from '../catalogue/account.entity';
import { notFound } from '../common/app-error';
import { type Page, type PageQueryDto, pageWindow } from '../common/pagination';
import { likePattern } from '../common/value-validators';
import { UserEntity } from '../users/user.entity';
import type { QuoteDto, QuoteHistoryEntryDto, QuoteQueryDto, QuoteSummaryDto } from './dto/quote.dto';
import { QuoteHistoryEntity } from './quote-history.entity';
import { type QuoteNames, toQuoteDto, toSummaryDto } from './quote-mapper';
import { QuoteLinesRepository } from './quote-lines.repository';
import { QuoteStructureRepository } from './quote-structure.repository';
import { QuoteEntity } from './quote.entity';

const SORT_COLUMNS: Record<QuoteQueryDto['sort'], string> = {
  updatedAt: 'q.updated_at',
  createdAt: 'q.created_at',
  number: 'q.number',
  name: 'lower(q.name)',
  netTotal: 'q.net_total',
};

/** Reads of quotes: lists without lines, one quote with all its lines, its history. */
@Injectable()
export class QuoteQueriesService {
  constructor(
    @InjectRepository(QuoteEntity) private readonly quotes: Repository<QuoteEntity>,
    @InjectRepository(QuoteHistoryEntity) private readonly history: Repository<QuoteHistoryEntity>,
    private readonly lines: QuoteLinesRepository,
    private readonly structure: QuoteStructureRepository,
  ) {}

  async list(query: QuoteQueryDto, actor: Principal): Promise<Page<QuoteSummaryDto>> {
    const qb = this.quotes.createQueryBuilder('q');
    if (query.search) {
      qb.andWhere('(q.number ILIKE :s OR q.name ILIKE :s OR q.account_id IN (SELECT a.id FROM accounts a WHERE a.name ILIKE :s))', { s: likePattern(query.search) });
    }
    if (query.status) qb.andWhere('q.status = :status', { status: query.status });
    if (query.accountId) qb.andWhere('q.account_id = :accountId', { accountId: query.accountId });
    if (query.owner) qb.andWhere('q.owner_id = :owner', { owner: query.owner === 'me' ? actor.id : query.owner });
    const { skip, take } = pageWindow(query);
    qb.orderBy(SORT_COLUMNS[query.sort], query.direction === 'asc' ? 'ASC' : 'DESC').addOrderBy('q.id').offset(skip).limit(take);
    const [items, total] = await qb.getManyAndCount();
    const names = await this.names(this.quotes.manager, items);
    return { items: items.map((q) => toSummaryDto(q, names(q))), total };
  }

  async get(id: string, manager: EntityManager = this.quotes.manager): Promise<QuoteDto> {
    const quote = await manager.getRepository(QuoteEntity).findOneBy({ id });
    if (!quote) throw notFound('Quote', id);
    const [names, lines, groups] = await Promise.all([this.names(manager, [quote]), this.lines.load(manager, id), this.structure.groups(manager, id)]);
    return toQuoteDto(quote, names(quote), lines, groups);
  }

  async historyOf(id: string, query: PageQueryDto): Promise<Page<QuoteHistoryEntryDto>> {
    if (!(await this.quotes.existsBy({ id }))) throw notFound('Quote', id);
    const [rows, total] = await this.history.findAndCount({ where: { quoteId: id }, order: { id: 'DESC' }, ...pageWindow(query) });
    const actorIds = [...new Set(rows.map((r) => r.actorId).filter((a): a is string => a !== null))];
    const users = actorIds.length ? await this.quotes.manager.getRepository(UserEntity).findBy({ id: In(actorIds) }) : [];
    const nameOf = new Map(users.map((u) => [u.id, u.displayName]));
    return {
      items: rows.map((r) => ({
        id: r.id,
        at: r.at.toISOString(),
        actorId: r.actorId,
        actorName: r.actorId ? (nameOf.get(r.actorId) ?? null) : null,
        action: r.action,
        fromStatus: r.fromStatus,
        toStatus: r.toStatus,
        detail: r.detail,
      })),
      total,
    };
  }

  /** Account and owner names for a page of quotes: two set-based lookups, whatever the page size. */
  private async names(manager: EntityManager, quotes: readonly QuoteEntity[]): Promise<(q: QuoteEntity) => QuoteNames> {
    const accountIds = [...new Set(quotes.map((q) => q.accountId))];
    const ownerIds = [...new Set(quotes.map((q) => q.ownerId))];
    const [accounts, owners] = await Promise.all([
      accountIds.length ? manager.getRepository(AccountEntity).findBy({ id: In(accountIds) }) : [],
      ownerIds.length ? manager.getRepository(UserEntity).findBy({ id: In(ownerIds) }) : [],
    ]);
    const accountName = new Map(accounts.map((a) => [a.id, a.name]));
    const ownerName = new Map(owners.map((u) => [u.id, u.displayName]));
    return (q) => ({ accountName: accountName.get(q.accountId) ?? '', ownerName: ownerName.get(q.ownerId) ?? '' });
  }
}
