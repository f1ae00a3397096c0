import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import {
  definitionsOf,
  type LineDraft,
  readImportLines,
  validateCurrency,
  validateFieldValues,
  validateGroups,
  validateOrderBy,
  type Violation,
} from '@signet/quotes-domain';
import { parseLocalDate } from '@signet/shared-kernel';
import { type EntityManager, Repository } from 'typeorm';
import type { Principal } from '../auth/principal';
import { AccountEntity } from '../catalogue/account.entity';
import { FieldsService } from '../catalogue/fields.service';
import { AppError, conflict, invalidInput } from '../common/app-error';
import { Role } from '../common/roles';
import { UserEntity } from '../users/user.entity';
import type { LineInputDto } from './dto/quote-line.dto';
import type { ImportQuoteDto } from './dto/quote-import.dto';
import type { QuoteDto } from './dto/quote.dto';
import { QuoteStructureRepository } from './quote-structure.repository';
import { QuoteEntity } from './quote.entity';
import { QuotesService } from './quotes.service';

/** At most this many errors are listed; `errorCount` says how many there were. */
const MAX_LISTED_ERRORS = 1000;

/**
 * POST /quotes/import: what a CRM sends, checked whole before anything is written. Accounts,
 * owners, skus and locations are resolved with one query each; every bad entry is named; then
 * the quote is created like POST /quotes. The same `externalId` twice → 409.
 */
@Injectable()
export class QuoteImportService {
  constructor(
    @InjectRepository(QuoteEntity) private readonly quotes: Repository<QuoteEntity>,
    private readonly structure: QuoteStructureRepository,
    private readonly fields: FieldsService,
    private readonly service: QuotesService,
  ) {}

  async import(input: ImportQuoteDto, actor: Principal): Promise<QuoteDto> {
    const manager = this.quotes.manager;
    if (input.externalId) await this.assertNew(input.externalId);
    const problems: Violation[] = [];
    const account = await this.account(manager, input, problems);
    const ownerId = await this.owner(manager, input, actor, problems);
    const definitions = await this.fields.definitions(manager);
    if (input.currency !== undefined) problems.push(...validateCurrency(input.currency));
    if (input.orderBy) problems.push(...validateOrderBy(input.orderBy, definitions));
    const groups = input.groups?.map((g) => ({ name: g.name.trim(), startDate: g.startDate ? parseLocalDate(g.startDate) : null })) ?? null;
    if (groups) problems.push(...validateGroups(groups));
    if (input.fields) problems.push(...validateFieldValues(input.fields as never, definitionsOf(definitions, 'quote'), 'quote', 'fields'));
    const [productsBySku, locationsByName] = await Promise.all([this.products(manager, input.lines), this.locations(manager, account)]);
    const read = readImportLines(input.lines, {
      productsBySku,
      locationsByName,
      groups,
      fieldDefinitions: definitions,
      quoteStart: parseLocalDate(input.startDate),
      newId: randomUUID,
    });
    problems.push(...read.problems);
    if (problems.length > 0 || !account || !ownerId) {
      const error = invalidInput(problems.slice(0, MAX_LISTED_ERRORS), `${problems.length} problem(s) in the import: ${problems.slice(0, 3).map((p) => `${p.field}: ${p.message}`).join('; ')}`);
      error.extensions['errorCount'] = problems.length;
      throw error;
    }
    try {
      return await this.service.create(
        {
          name: input.name,
          accountId: account.id,
          ownerId,
          startDate: input.startDate,
          termMonths: input.termMonths,
          currency: input.currency,
          orderBy: input.orderBy,
          groups: input.groups,
          fields: input.fields,
          lines: read.drafts.map(lineInputOf),
        },
        actor,
        { externalId: input.externalId, ownerChecked: true },
      );
    } catch (e) {
      // Two imports of one externalId at once: the unique index decides, the loser gets the 409.
      if (input.externalId && (e as { code?: string }).code === '23505') await this.assertNew(input.externalId);
      throw e;
    }
  }

  private async assertNew(externalId: string): Promise<void> {
    const existing = await this.quotes.findOne({ where: { externalId }, select: { id: true, number: true } });
    if (existing)
      throw conflict('duplicate_external_id', `Quote ${existing.number} was already imported with externalId ${externalId}.`, { quoteId: existing.id, quoteNumber: existing.number });
  }

  private async account(manager: EntityManager, input: ImportQuoteDto, problems: Violation[]): Promise<AccountEntity | null> {
    const field = input.accountId ? 'accountId' : 'accountNumber';
    if (!input.accountId && !input.accountNumber) {
      problems.push({ field, message: 'give accountNumber or accountId' });
      return null;
    }
    const repo = manager.getRepository(AccountEntity);
    const account = input.accountId ? await repo.findOneBy({ id: input.accountId }) : await repo.findOneBy({ accountNumber: input.accountNumber as string });
    if (!account || !account.active) problems.push({ field, message: account ? 'the account is inactive' : `no account ${input.accountId ?? input.accountNumber}` });
    return account?.active ? account : null;
  }

  private async owner(manager: EntityManager, input: ImportQuoteDto, actor: Principal, problems: Violation[]): Promise<string | null> {
    if (!input.ownerEmail) {
      if (actor.kind === 'user') return actor.id;
      problems.push({ field: 'ownerEmail', message: 'ownerEmail is required when an API key imports' });
      return null;
    }
    const user = await manager.getRepository(UserEntity).createQueryBuilder('u').where('lower(u.email) = lower(:email)', { email: input.ownerEmail }).getOne();
    if (!user || !user.active) {
      problems.push({ field: 'ownerEmail', message: user ? 'the user is inactive' : `no user ${input.ownerEmail}` });
      return null;
    }
    if (user.id !== actor.id && actor.kind === 'user' && !actor.roles.includes(Role.Admin))
      throw new AppError(403, 'not_quote_owner', 'Forbidden', 'Only admins and integrations may import quotes for someone else.');
    return user.id;
  }

  private async products(manager: EntityManager, lines: readonly Record<string, unknown>[]): Promise<Map<string, string>> {
    const skus = [...new Set(lines.flatMap((l) => (l && typeof l['sku'] === 'string' ? [l['sku'].trim().toLowerCase()] : [])))];
    if (skus.length === 0) return new Map();
    const rows: { id: string; sku: string }[] = await manager.query(`SELECT id, lower(sku) AS sku FROM products WHERE lower(sku) = ANY($1::text[]) AND active`, [skus]);
    return new Map(rows.map((r) => [r.sku, r.id]));
  }

  private async locations(manager: EntityManager, account: AccountEntity | null): Promise<Map<string, string>> {
    if (!account) return new Map();
    return new Map((await this.structure.locations(manager, account.id)).map((l) => [l.name.toLowerCase(), l.id]));
  }
}

function lineInputOf(draft: LineDraft): LineInputDto {
  return {
    id: draft.id,
    productId: draft.productId,
    quantity: draft.quantity.toString(),
    listUnitPrice: draft.listUnitPrice?.toString() ?? null,
    discountPercent: draft.discountPercent?.toString() ?? null,
    group: draft.group,
    startDate: draft.startDate,
    termMonths: draft.termMonths,
    shipToLocationId: draft.shipToLocationId ?? null,
    fields: draft.fields as Record<string, unknown>,
  };
}
