import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { contractOrders, transitionContract } from '@signet/contracts-domain';
import { type LocalDate, parseLocalDate } from '@signet/shared-kernel';
import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { Principal } from '../auth/principal';
import { AppError, invalidInput, notFound } from '../common/app-error';
import { type Page, type PageQueryDto, pageWindow } from '../common/pagination';
import { todayUtc } from '../common/today';
import { assertVersion, likePattern } from '../common/value-validators';
import { BusinessEventsService } from '../events/business-events.service';
import { OrdersRepository } from '../orders/orders.repository';
import { ordersProblem } from '../orders/orders-problem';
import { QuoteSource } from '../orders/quote-source';
import {
  allowedContractActions,
  assetViews,
  subscriptionViews,
} from './contract-views';
import {
  ContractsRepository,
  type StoredContract,
} from './contracts.repository';
import type {
  AmendmentDto,
  ContractDto,
  ContractHistoryEntryDto,
  ContractQueryDto,
  ContractSummaryDto,
  CreateContractsDto,
  TerminateContractDto,
} from './dto/contract.dto';

interface SummaryRow {
  id: string;
  number: string;
  account_id: string;
  account_name: string;
  quote_id: string;
  quote_number: string;
  method: string;
  status: string;
  start_date: string;
  end_date: string;
  terminated_on: string | null;
  renewal_pricing: string;
  renewal_uplift_percent: string | null;
  renewal_quote_id: string | null;
  renewal_quote_number: string | null;
  subscription_count: number;
  asset_count: number;
  created_at: Date;
  version: number;
  total: string;
}

export const CONTRACT_SUMMARY_SELECT = `
  SELECT c.id, c.number, c.account_id, a.name AS account_name, c.quote_id, q.number AS quote_number, c.method, c.status,
         to_char(c.start_date, 'YYYY-MM-DD') AS start_date, to_char(c.end_date, 'YYYY-MM-DD') AS end_date,
         to_char(c.terminated_on, 'YYYY-MM-DD') AS terminated_on, c.renewal_pricing, c.renewal_uplift_percent::text AS renewal_uplift_percent,
         c.renewal_quote_id, rq.number AS renewal_quote_number,
         (SELECT count(*)::int FROM subscriptions s WHERE s.contract_id = c.id) AS subscription_count,
         (SELECT count(*)::int FROM assets x WHERE x.contract_id = c.id) AS asset_count,
         c.created_at, c.version, count(*) OVER () AS total
    FROM contracts c JOIN accounts a ON a.id = c.account_id JOIN quotes q ON q.id = c.quote_id
    LEFT JOIN quotes rq ON rq.id = c.renewal_quote_id`;

export function toContractSummary(r: SummaryRow): ContractSummaryDto {
  return {
    id: r.id,
    number: r.number,
    accountId: r.account_id,
    accountName: r.account_name,
    quoteId: r.quote_id,
    quoteNumber: r.quote_number,
    method: r.method,
    status: r.status,
    startDate: r.start_date,
    endDate: r.end_date,
    terminatedOn: r.terminated_on,
    renewalPricing: r.renewal_pricing,
    renewalUpliftPercent: r.renewal_uplift_percent,
    renewalQuoteId: r.renewal_quote_id,
    renewalQuoteNumber: r.renewal_quote_number,
    subscriptionCount: r.subscription_count,
    assetCount: r.asset_count,
    createdAt: r.created_at.toISOString(),
    version: r.version,
  };
}

/** Contracts from activated orders, their lifecycle and reads. Amendments and renewals have their own services. */
@Injectable()
export class ContractsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly contracts: ContractsRepository,
    private readonly orders: OrdersRepository,
    private readonly quotes: QuoteSource,
    private readonly events: BusinessEventsService,
    private readonly audit: AuditService,
  ) {}

  async create(
    input: CreateContractsDto,
    actor: Principal,
  ): Promise<ContractDto[]> {
    if (
      input.renewalPricing === 'uplift' &&
      input.renewalUpliftPercent === undefined
    ) {
      throw invalidInput([
        {
          field: 'renewalUpliftPercent',
          message: 'uplift pricing needs renewalUpliftPercent',
        },
      ]);
    }
    const ids = await this.db.manager.transaction(async (manager) => {
      const quoteIds: { quote_id: string }[] = await manager.query(
        `SELECT DISTINCT quote_id FROM orders WHERE id = ANY($1::uuid[])`,
        [input.orderIds],
      );
      const found: { id: string }[] = await manager.query(
        `SELECT id FROM orders WHERE id = ANY($1::uuid[])`,
        [input.orderIds],
      );
      const missing = input.orderIds.filter(
        (id) => !found.some((f) => f.id === id),
      );
      if (missing.length > 0) throw notFound('Order', missing[0]);
      if (quoteIds.length !== 1)
        throw new AppError(
          400,
          'invalid_input',
          'Invalid request',
          'Contract the orders of one quote at a time.',
        );
      const quote = await this.quotes.load(manager, quoteIds[0].quote_id);
      const stored = await this.orders.load(
        manager,
        { ids: input.orderIds },
        true,
      );
      const existing: { order_id: string }[] = await manager.query(
        `SELECT id AS order_id FROM orders WHERE id = ANY($1::uuid[]) AND contracted_at IS NOT NULL`,
        [input.orderIds],
      );
      if (existing.length > 0) {
        throw new AppError(
          409,
          'invalid_state',
          'Conflict',
          `Order ${existing[0].order_id} is already contracted.`,
          { order: existing[0].order_id },
        );
      }
      const newIds: string[] = [];
      const made = contractOrders({
        quote: quote.resolved,
        orders: stored.map((s) => s.order),
        method: input.method,
        existing: [],
        newId: (i) => (newIds[i] = randomUUID()),
        firstSequence: await this.contracts.nextSequence(manager),
        ctx: { at: new Date().toISOString(), actor: actor.id },
      });
      if (!made.ok) throw ordersProblem(made.error);
      const activate = input.activate !== false;
      await this.contracts.insert(
        manager,
        made.value,
        {
          accountId: quote.accountId,
          names: quote.productNames,
          serviceLevels: quote.serviceLevels,
          positions: new Map(
            quote.resolved.lines.map((l) => [l.id, l.position]),
          ),
          state: activate ? 'activated' : 'draft',
          renewalPricing: input.renewalPricing ?? 'same',
          renewalUpliftPercent: input.renewalUpliftPercent ?? null,
        },
        actor.id,
      );
      await this.contracts.appendHistory(
        manager,
        made.value.flatMap((c) => [
          {
            contractId: c.id,
            event: 'create',
            from: 'draft',
            to: 'draft',
            reason: `from ${c.orderIds.length} order(s), ${input.method}`,
          },
          ...(activate
            ? [
                {
                  contractId: c.id,
                  event: 'activate',
                  from: 'draft',
                  to: 'activated',
                },
              ]
            : []),
        ]),
        actor.id,
      );
      if (activate)
        for (const c of made.value) await this.emitActivated(manager, c.id);
      await this.audit.record(
        {
          actorId: actor.id,
          action: 'contracts.created',
          targetType: 'quote',
          targetId: quote.id,
          detail: {
            contracts: made.value.map((c) => c.id),
            method: input.method,
          },
        },
        manager,
      );
      return made.value.map((c) => c.id);
    });
    return Promise.all(ids.map((id) => this.get(id)));
  }

  async activate(
    id: string,
    version: number | undefined,
    actor: Principal,
  ): Promise<ContractDto> {
    await this.transition(id, version, actor, 'activate', todayUtc());
    return this.get(id);
  }

  async terminate(
    id: string,
    input: TerminateContractDto,
    actor: Principal,
  ): Promise<ContractDto> {
    await this.transition(
      id,
      input.version,
      actor,
      'terminate',
      parseLocalDate(input.on),
      input.reason,
    );
    return this.get(id);
  }

  /** Runs one lifecycle event through the contract state machine, with its history row and event. */
  async transition(
    id: string,
    version: number | undefined,
    actor: Principal | null,
    event: 'activate' | 'terminate' | 'expire',
    on: LocalDate,
    reason?: string,
    manager?: EntityManager,
  ): Promise<void> {
    const run = async (m: EntityManager) => {
      const [stored] = await this.contracts.load(m, { ids: [id] }, true);
      if (!stored) throw notFound('Contract', id);
      assertVersion('contract', version, stored.version);
      const actorId = actor?.id ?? null;
      const r = transitionContract(
        stored.state,
        event,
        { start: stored.contract.start, end: stored.contract.end, on },
        { at: new Date().toISOString(), actor: actorId ?? 'system' },
      );
      if (!r.ok) throw ordersProblem(r.error);
      await this.contracts.saveState(
        m,
        stored,
        r.value.state,
        event === 'terminate' ? { terminatedOn: on } : {},
      );
      await this.contracts.appendHistory(
        m,
        [
          {
            contractId: id,
            event,
            from: stored.state,
            to: r.value.state,
            reason:
              reason ?? (event === 'activate' ? null : `${event} on ${on}`),
          },
        ],
        actorId,
      );
      if (event === 'activate') await this.emitActivated(m, id);
      if (event === 'terminate') {
        await this.events.emit(m, {
          type: 'subscriptions.changed',
          objectType: 'contract',
          objectId: id,
          data: { terminatedOn: on },
        });
      }
    };
    if (manager) await run(manager);
    else await this.db.manager.transaction(run);
  }

  private async emitActivated(
    manager: EntityManager,
    contractId: string,
  ): Promise<void> {
    await this.events.emit(manager, {
      type: 'contract.activated',
      objectType: 'contract',
      objectId: contractId,
      data: {},
    });
    await this.events.emit(manager, {
      type: 'assets.created',
      objectType: 'contract',
      objectId: contractId,
      data: {},
    });
  }

  async list(query: ContractQueryDto): Promise<Page<ContractSummaryDto>> {
    const params: unknown[] = [];
    const where: string[] = [];
    if (query.accountId) {
      params.push(query.accountId);
      where.push(`c.account_id = $${params.length}`);
    }
    if (query.status) {
      params.push(query.status);
      where.push(`c.status = $${params.length}`);
    }
    if (query.search) {
      params.push(likePattern(query.search));
      const p = `$${params.length}`;
      where.push(
        `(c.number ILIKE ${p} OR q.number ILIKE ${p} OR a.name ILIKE ${p})`,
      );
    }
    const { skip, take } = pageWindow(query);
    const rows: SummaryRow[] = await this.db.query(
      `${CONTRACT_SUMMARY_SELECT} ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY c.end_date, c.start_date, c.sequence LIMIT ${take} OFFSET ${skip}`,
      params,
    );
    return {
      items: rows.map(toContractSummary),
      total: rows[0] ? Number(rows[0].total) : 0,
    };
  }

  async summaries(
    manager: EntityManager,
    accountId: string,
  ): Promise<ContractSummaryDto[]> {
    const rows: SummaryRow[] = await manager.query(
      `${CONTRACT_SUMMARY_SELECT} WHERE c.account_id = $1 ORDER BY c.end_date, c.start_date, c.sequence`,
      [accountId],
    );
    return rows.map(toContractSummary);
  }

  async get(id: string, asOf: LocalDate = todayUtc()): Promise<ContractDto> {
    const rows: SummaryRow[] = await this.db.query(
      `${CONTRACT_SUMMARY_SELECT} WHERE c.id = $1`,
      [id],
    );
    if (!rows[0]) throw notFound('Contract', id);
    const [stored] = await this.contracts.load(this.db.manager, { ids: [id] });
    return {
      ...toContractSummary(rows[0]),
      orderIds: [...stored.contract.orderIds],
      subscriptions: subscriptionViews(stored, asOf),
      assets: assetViews(stored),
      amendments: await this.amendments(this.db.manager, stored),
      allowedActions: allowedContractActions(stored, todayUtc()),
    };
  }

  async amendments(
    manager: EntityManager,
    stored: StoredContract,
  ): Promise<AmendmentDto[]> {
    const rows: {
      id: string;
      quote_id: string;
      quote_number: string;
      quote_status: string;
      effective: string;
      changes: {
        sku: string;
        quantityDelta: string;
        netTotal: string;
        start: string;
        end: string;
      }[];
      status: string;
      order_id: string | null;
      created_at: Date;
      applied_at: Date | null;
    }[] = await manager.query(
      `SELECT m.id, m.quote_id, q.number AS quote_number, q.status AS quote_status, to_char(m.effective, 'YYYY-MM-DD') AS effective, m.changes,
              m.status, m.order_id, m.created_at, m.applied_at
         FROM contract_amendments m JOIN quotes q ON q.id = m.quote_id WHERE m.contract_id = $1 ORDER BY m.created_at`,
      [stored.contract.id],
    );
    return rows.map((r) => ({
      id: r.id,
      quoteId: r.quote_id,
      quoteNumber: r.quote_number,
      quoteStatus: r.quote_status,
      effective: r.effective,
      changes: r.changes.map((c) => ({
        sku: c.sku,
        quantityDelta: c.quantityDelta,
      })),
      // Applied: the deltas on the contract. Quoted: the deltas as priced when the amendment was quoted.
      deltas:
        r.status === 'applied'
          ? stored.contract.deltas
              .filter((d) => stored.deltaAmendments.get(d.id) === r.id)
              .map((d) => ({
                id: d.id,
                kind: 'amendment' as const,
                quantity: d.quantity.toString(),
                startDate: d.start,
                endDate: d.end,
                netTotal: d.netTotal.toFixed2(),
                amendmentId: r.id,
              }))
          : r.changes.map((c, i) => ({
              id: `${r.id}-${i + 1}`,
              kind: 'amendment' as const,
              quantity: c.quantityDelta,
              startDate: c.start,
              endDate: c.end,
              netTotal: c.netTotal,
              amendmentId: r.id,
            })),
      status: r.status,
      orderId: r.order_id,
      createdAt: r.created_at.toISOString(),
      appliedAt: r.applied_at?.toISOString() ?? null,
    }));
  }

  async history(
    id: string,
    query: PageQueryDto,
  ): Promise<Page<ContractHistoryEntryDto>> {
    const exists: unknown[] = await this.db.query(
      `SELECT 1 FROM contracts WHERE id = $1`,
      [id],
    );
    if (exists.length === 0) throw notFound('Contract', id);
    const { skip, take } = pageWindow(query);
    const rows: {
      id: string;
      at: Date;
      actor_name: string | null;
      event: string;
      from_status: string;
      to_status: string;
      reason: string | null;
      total: string;
    }[] = await this.db.query(
      `SELECT h.id::text AS id, h.at, u.display_name AS actor_name, h.event, h.from_status, h.to_status, h.reason, count(*) OVER () AS total
         FROM contract_history h LEFT JOIN users u ON u.id = h.actor_id WHERE h.contract_id = $1 ORDER BY h.id LIMIT $2 OFFSET $3`,
      [id, take, skip],
    );
    return {
      items: rows.map((r) => ({
        id: r.id,
        at: r.at.toISOString(),
        actorName: r.actor_name,
        event: r.event,
        fromStatus: r.from_status,
        toStatus: r.to_status,
        reason: r.reason,
      })),
      total: rows[0] ? Number(rows[0].total) : 0,
    };
  }
}
