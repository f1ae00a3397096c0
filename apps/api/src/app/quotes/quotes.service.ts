import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import {
  checkDeletable,
  definitionsOf,
  editOutcome,
  type FieldDefinition,
  type FieldValues,
  type LinesEdited,
  type PricedLine,
  mergeFieldValues,
  type QuoteGroup,
  quotesError,
  quoteTotals,
  repriceLines,
  sameFields,
  validateCurrency,
  validateFieldValues,
  validateGroups,
  validateOrderBy,
} from '@signet/quotes-domain';
import { Decimal, parseLocalDate } from '@signet/shared-kernel';
import type { EntityManager, Repository } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { Principal } from '../auth/principal';
import { AccountEntity } from '../catalogue/account.entity';
import { FieldsService } from '../catalogue/fields.service';
import { AppError, invalidInput, notFound } from '../common/app-error';
import { Role } from '../common/roles';
import { assertVersion } from '../common/value-validators';
import { UserEntity } from '../users/user.entity';
import type { PutLinesDto } from './dto/quote-line.dto';
import type { CreateQuoteDto, QuoteDto, QuoteStructureDto, UpdateQuoteDto } from './dto/quote.dto';
import { QuoteHistoryEntity } from './quote-history.entity';
import { headerOf, quotesProblem, totalsColumns } from './quote-mapper';
import { QuoteLinesRepository, type StoredLine } from './quote-lines.repository';
import { QuoteLinePlanner } from './quote-line-planner';
import { QuoteQueriesService } from './quote-queries.service';
import { QuoteStructureRepository } from './quote-structure.repository';
import { QuoteEntity } from './quote.entity';

const isAdmin = (actor: Principal) => actor.roles.includes(Role.Admin);

/** Writes to quotes: create, header edits, bulk line changes, delete. Each in one transaction with its history row. */
@Injectable()
export class QuotesService {
  constructor(
    @InjectRepository(QuoteEntity) private readonly quotes: Repository<QuoteEntity>,
    private readonly lineStore: QuoteLinesRepository,
    private readonly structure: QuoteStructureRepository,
    private readonly planner: QuoteLinePlanner,
    private readonly fields: FieldsService,
    private readonly queries: QuoteQueriesService,
    private readonly audit: AuditService,
  ) {}

  /** `ownerChecked`: the import already decided who may own the quote. */
  async create(input: CreateQuoteDto, actor: Principal, options: { externalId?: string; ownerChecked?: boolean } = {}): Promise<QuoteDto> {
    const ownerId = input.ownerId ?? actor.id;
    if (ownerId !== actor.id && !isAdmin(actor) && !options.ownerChecked) throw new AppError(403, 'not_quote_owner', 'Forbidden', 'Only admins may create quotes for someone else.');
    return this.quotes.manager.transaction(async (manager) => {
      const [account] = await Promise.all([this.assertAccount(manager, input.accountId), this.assertOwner(manager, ownerId)]);
      const definitions = await this.fields.definitions(manager);
      const fields = mergeFieldValues({}, this.checkedFields(input.fields ?? {}, definitions));
      const { groups } = this.checkStructure(input, definitions);
      const id = randomUUID();
      const header = { id, ownerId, accountId: input.accountId, startDate: parseLocalDate(input.startDate), termMonths: input.termMonths ?? null, fields, groups: groups ?? [] };
      const lines = { upsert: input.lines ?? [], remove: [] };
      const { edited: planned, groups: allGroups } = await this.planner.plan(manager, header, [], lines, definitions, { at: 'lines', strictGroups: groups !== undefined });
      const repo = manager.getRepository(QuoteEntity);
      await repo.insert(
        repo.create({
          id,
          name: input.name.trim(),
          accountId: input.accountId,
          ownerId,
          status: 'draft',
          startDate: input.startDate,
          termMonths: input.termMonths ?? null,
          validUntil: input.validUntil ?? null,
          fields,
          currency: input.currency ?? account.currency,
          orderBy: input.orderBy ?? [],
          externalId: options.externalId ?? null,
          ...totalsColumns(quoteTotals(planned.lines)),
        }),
      );
      await this.structure.saveGroups(manager, id, allGroups);
      await this.persistLines(manager, id, [], planned);
      await this.record(manager, id, actor, options.externalId ? 'imported' : 'created', { lineCount: planned.lines.length, ...(options.externalId ? { externalId: options.externalId } : {}) });
      return this.queries.get(id, manager);
    });
  }

  async update(id: string, input: UpdateQuoteDto, actor: Principal): Promise<QuoteDto> {
    return this.quotes.manager.transaction(async (manager) => {
      const quote = await this.lockForEdit(manager, id, actor, input.version);
      const changes = await this.headerChanges(manager, quote, input, actor);
      if (Object.keys(changes).length === 0) return this.queries.get(id, manager);
      const outcome = this.outcome(quote);
      const changed = Object.fromEntries(Object.entries(changes).map(([k, v]) => [k, v.to])) as Partial<QuoteEntity>;
      delete (changed as Record<string, unknown>)['groups'];
      const patch: Partial<QuoteEntity> = { ...changed, status: outcome.status };
      if (changes['groups']) await this.structure.saveGroups(manager, id, changes['groups'].to as QuoteGroup[]);
      if ('startDate' in changes || 'termMonths' in changes || 'groups' in changes) {
        const current = await this.lineStore.load(manager, id);
        const groups = await this.structure.groups(manager, id);
        const repriced = repriceLines(current, headerOf({ ...quote, ...changed }, groups), await this.planner.catalogFor(manager, current, []));
        if (!repriced.ok) throw quotesProblem(repriced.error);
        await this.lineStore.write(manager, id, repriced.value.written, positionsOf(current, []));
        Object.assign(patch, totalsColumns(quoteTotals(repriced.value.lines)));
      }
      await manager.getRepository(QuoteEntity).update(id, patch);
      await this.record(manager, id, actor, 'updated', { changes, ...(outcome.approvalVoided ? { approvalVoided: true } : {}) }, quote.status, outcome.status);
      return this.queries.get(id, manager);
    });
  }

  async putLines(id: string, body: PutLinesDto, actor: Principal): Promise<QuoteDto> {
    return this.quotes.manager.transaction(async (manager) => {
      const quote = await this.lockForEdit(manager, id, actor, body.version);
      const outcome = this.outcome(quote);
      const [current, groups] = await Promise.all([this.lineStore.load(manager, id), this.structure.groups(manager, id)]);
      const planned = await this.planner.plan(manager, headerOf(quote, groups), current, body, await this.fields.definitions(manager), { at: 'upsert', strictGroups: false });
      const applied = planned.edited;
      if (applied.written.length + applied.removed.length === 0) return this.queries.get(id, manager);
      if (planned.groupsChanged) await this.structure.saveGroups(manager, id, planned.groups);
      await this.persistLines(manager, id, current, applied);
      const totals = quoteTotals(applied.lines);
      await manager.getRepository(QuoteEntity).update(id, { ...totalsColumns(totals), status: outcome.status });
      const detail = {
        added: applied.added,
        updated: applied.updated,
        removed: applied.removed.length,
        netTotal: { from: Decimal.of(quote.netTotal).toFixed2(), to: totals.netTotal.toFixed2() },
        ...(outcome.approvalVoided ? { approvalVoided: true } : {}),
      };
      await this.record(manager, id, actor, 'lines_changed', detail, quote.status, outcome.status);
      return this.queries.get(id, manager);
    });
  }

  async remove(id: string, actor: Principal): Promise<void> {
    await this.quotes.manager.transaction(async (manager) => {
      const quote = await this.lockForEdit(manager, id, actor, undefined);
      const deletable = checkDeletable(quote.status);
      if (!deletable.ok) throw quotesProblem(deletable.error);
      await manager.getRepository(QuoteEntity).delete(id);
      await this.audit.record({ actorId: actor.id, action: 'quote.deleted', targetType: 'quote', targetId: id, detail: { number: quote.number, name: quote.name } }, manager);
    });
  }

  private async persistLines(manager: EntityManager, quoteId: string, current: readonly StoredLine[], edited: LinesEdited): Promise<void> {
    await this.lineStore.remove(manager, quoteId, edited.removed);
    await this.lineStore.write(manager, quoteId, edited.written, positionsOf(current, edited.lines));
  }

  /** currency, orderBy and groups of a create or update, checked; every problem named. */
  private checkStructure(input: QuoteStructureDto, definitions: readonly FieldDefinition[]): { groups?: QuoteGroup[] } {
    const groups = input.groups?.map((g) => ({ name: g.name.trim(), startDate: g.startDate ? parseLocalDate(g.startDate) : null }));
    const problems = [
      ...(input.currency !== undefined ? validateCurrency(input.currency) : []),
      ...(input.orderBy ? validateOrderBy(input.orderBy, definitions) : []),
      ...(groups ? validateGroups(groups) : []),
    ];
    if (problems.length > 0) throw invalidInput(problems, problems.map((p) => p.message).join('; '));
    return { groups };
  }

  /** The header fields that really change, each as { from, to }; checks account, owner and custom fields. */
  private async headerChanges(manager: EntityManager, quote: QuoteEntity, input: UpdateQuoteDto, actor: Principal): Promise<Record<string, { from: unknown; to: unknown }>> {
    const changes: Record<string, { from: unknown; to: unknown }> = {};
    const consider = <K extends keyof QuoteEntity>(key: K, value: QuoteEntity[K] | undefined) => {
      if (value !== undefined && value !== quote[key]) changes[key] = { from: quote[key], to: value };
    };
    consider('name', input.name?.trim());
    consider('accountId', input.accountId);
    consider('startDate', input.startDate);
    consider('termMonths', input.termMonths);
    consider('validUntil', input.validUntil);
    consider('ownerId', input.ownerId);
    consider('currency', input.currency);
    const definitions = await this.fields.definitions(manager);
    const { groups } = this.checkStructure(input, definitions);
    if (input.orderBy && input.orderBy.join('\n') !== quote.orderBy.join('\n')) changes['orderBy'] = { from: quote.orderBy, to: input.orderBy };
    if (groups) {
      const before = await this.structure.groups(manager, quote.id);
      if (JSON.stringify(before) !== JSON.stringify(groups)) changes['groups'] = { from: before, to: groups };
    }
    if (input.fields) {
      const merged = mergeFieldValues(quote.fields, this.checkedFields(input.fields, definitions));
      if (!sameFields(merged, quote.fields)) changes['fields'] = { from: quote.fields, to: merged };
    }
    if (changes['ownerId'] && !isAdmin(actor)) throw new AppError(403, 'not_quote_owner', 'Forbidden', 'Only admins may hand a quote to someone else.');
    if (changes['accountId']) await this.assertAccount(manager, input.accountId as string);
    if (changes['ownerId']) await this.assertOwner(manager, input.ownerId as string);
    return changes;
  }

  private checkedFields(values: Record<string, unknown>, definitions: readonly FieldDefinition[]): FieldValues {
    const problems = validateFieldValues(values as FieldValues, definitionsOf(definitions, 'quote'), 'quote', 'fields');
    if (problems.length > 0) throw quotesProblem(quotesError('invalid_fields', problems.map((p) => p.message).join('; '), problems));
    return values as FieldValues;
  }

  private outcome(quote: QuoteEntity) {
    const outcome = editOutcome(quote.status);
    if (!outcome.ok) throw quotesProblem(outcome.error);
    return outcome.value;
  }

  /** Locks the quote row for this transaction, then checks who may edit it and the version they read. */
  private async lockForEdit(manager: EntityManager, id: string, actor: Principal, version: number | undefined): Promise<QuoteEntity> {
    const quote = await manager.getRepository(QuoteEntity).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!quote) throw notFound('Quote', id);
    if (!isAdmin(actor) && quote.ownerId !== actor.id) {
      throw new AppError(403, 'not_quote_owner', 'Forbidden', 'Only the quote owner or an admin may change this quote.');
    }
    assertVersion('quote', version, quote.version);
    return quote;
  }

  private async assertAccount(manager: EntityManager, accountId: string): Promise<AccountEntity> {
    const account = await manager.getRepository(AccountEntity).findOneBy({ id: accountId });
    if (!account || !account.active) throw invalidInput([{ field: 'accountId', message: account ? 'the account is inactive' : 'no such account' }]);
    return account;
  }

  private async assertOwner(manager: EntityManager, ownerId: string): Promise<void> {
    const owner = await manager.getRepository(UserEntity).findOneBy({ id: ownerId });
    if (!owner || !owner.active) throw invalidInput([{ field: 'ownerId', message: owner ? 'the user is inactive' : 'no such user' }]);
  }

  private async record(
    manager: EntityManager,
    quoteId: string,
    actor: Principal,
    action: string,
    detail: Record<string, unknown>,
    fromStatus: QuoteEntity['status'] | null = null,
    toStatus: QuoteEntity['status'] | null = null,
  ): Promise<void> {
    const changedStatus = fromStatus !== toStatus;
    const history = manager.getRepository(QuoteHistoryEntity);
    await history.save(history.create({
      quoteId,
      actorId: actor.kind === 'user' ? actor.id : null,
      action,
      fromStatus: changedStatus ? fromStatus : null,
      toStatus: changedStatus ? toStatus : null,
      detail: actor.kind === 'api-key' ? { ...detail, apiKeyId: actor.id } : detail,
    }), { reload: false });
  }
}

/** Existing lines keep their position; new lines follow the last one, in quote order. */
function positionsOf(current: readonly StoredLine[], lines: readonly PricedLine[]): (id: string) => number {
  const positions = new Map(current.map((l) => [l.id, l.position]));
  let next = current.reduce((max, l) => Math.max(max, l.position), -1) + 1;
  for (const line of lines) if (!positions.has(line.id)) positions.set(line.id, next++);
  return (id) => positions.get(id) as number;
}
