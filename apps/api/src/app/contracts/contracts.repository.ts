import { Injectable } from '@nestjs/common';
import type {
  Asset,
  AssetStatus,
  Contract,
  ContractingMethod,
  ContractState,
  Subscription,
  SubscriptionDelta,
} from '@signet/contracts-domain';
import { Decimal, type LocalDate } from '@signet/shared-kernel';
import type { EntityManager } from 'typeorm';
import { conflict } from '../common/app-error';

export type RenewalPricingKind = 'same' | 'list' | 'uplift';

export interface StoredContract {
  readonly contract: Contract;
  readonly number: string;
  readonly state: ContractState;
  readonly terminatedOn: LocalDate | null;
  readonly version: number;
  readonly renewalPricing: RenewalPricingKind;
  readonly renewalUpliftPercent: Decimal | null;
  readonly renewalQuoteId: string | null;
  readonly ownerId: string;
  readonly names: ReadonlyMap<string, string>;
  readonly serviceLevels: ReadonlyMap<string, string | null>;
  readonly deltaAmendments: ReadonlyMap<string, string | null>;
}

export interface NewContractMeta {
  readonly accountId: string;
  readonly names: ReadonlyMap<string, string>;
  readonly serviceLevels: ReadonlyMap<string, string>;
  readonly positions: ReadonlyMap<string, number>;
  readonly state: ContractState;
  readonly renewalPricing: RenewalPricingKind;
  readonly renewalUpliftPercent: string | null;
}

export interface ContractHistoryRow {
  readonly contractId: string;
  readonly event: string;
  readonly from: string;
  readonly to: string;
  readonly reason?: string | null;
  readonly detail?: Record<string, unknown>;
}

interface ContractRow {
  id: string;
  number: string;
  account_id: string;
  quote_id: string;
  owner_id: string;
  method: ContractingMethod;
  status: ContractState;
  start_date: string;
  end_date: string;
  sequence: number;
  terminated_on: string | null;
  renewal_pricing: RenewalPricingKind;
  renewal_uplift_percent: string | null;
  renewal_quote_id: string | null;
  version: number;
  order_ids: string[];
}

const d = (v: string) => v as LocalDate;

/** Contract persistence: a contract with its orders, subscriptions, assets and deltas, set-based. */
@Injectable()
export class ContractsRepository {
  async load(
    manager: EntityManager,
    where: { ids?: readonly string[]; accountId?: string },
    lock = false,
  ): Promise<StoredContract[]> {
    const params: unknown[] = [];
    const conditions: string[] = [];
    if (where.ids) {
      params.push(where.ids);
      conditions.push(`c.id = ANY($${params.length}::uuid[])`);
    }
    if (where.accountId) {
      params.push(where.accountId);
      conditions.push(`c.account_id = $${params.length}`);
    }
    const rows: ContractRow[] = await manager.query(
      `SELECT c.id, c.number, c.account_id, c.quote_id, q.owner_id, c.method, c.status, to_char(c.start_date, 'YYYY-MM-DD') AS start_date,
              to_char(c.end_date, 'YYYY-MM-DD') AS end_date, c.sequence, to_char(c.terminated_on, 'YYYY-MM-DD') AS terminated_on,
              c.renewal_pricing, c.renewal_uplift_percent::text AS renewal_uplift_percent, c.renewal_quote_id, c.version,
              ARRAY(SELECT co.order_id FROM contract_orders co JOIN orders o ON o.id = co.order_id WHERE co.contract_id = c.id ORDER BY o.sequence) AS order_ids
         FROM contracts c JOIN quotes q ON q.id = c.quote_id
        WHERE ${conditions.join(' AND ') || 'true'} ORDER BY c.end_date, c.start_date, c.sequence ${lock ? 'FOR UPDATE OF c' : ''}`,
      params,
    );
    if (rows.length === 0) return [];
    const ids = rows.map((r) => r.id);
    const [subs, assets, deltas]: [
      {
        id: string;
        contract_id: string;
        order_id: string;
        line_id: string;
        sku: string;
        product_name: string;
        quantity: string;
        start_date: string;
        end_date: string;
        term_months: number | null;
        net_total: string;
        line_net_total: string;
        line_quantity: string;
        service_level: string | null;
      }[],
      {
        id: string;
        contract_id: string;
        order_id: string;
        line_id: string;
        sku: string;
        product_name: string;
        quantity: string;
        start_date: string;
        status: AssetStatus;
      }[],
      {
        id: string;
        contract_id: string;
        subscription_id: string;
        amendment_id: string | null;
        sku: string;
        quantity: string;
        start_date: string;
        end_date: string;
        net_total: string;
      }[],
    ] = await Promise.all([
      manager.query(
        `SELECT id, contract_id, order_id, line_id, sku, product_name, quantity::text AS quantity, to_char(start_date, 'YYYY-MM-DD') AS start_date,
                to_char(end_date, 'YYYY-MM-DD') AS end_date, term_months, net_total::text AS net_total, line_net_total::text AS line_net_total,
                line_quantity::text AS line_quantity, service_level
           FROM subscriptions WHERE contract_id = ANY($1::uuid[]) ORDER BY contract_id, position, id`,
        [ids],
      ),
      manager.query(
        `SELECT id, contract_id, order_id, line_id, sku, product_name, quantity::text AS quantity, to_char(start_date, 'YYYY-MM-DD') AS start_date, status
           FROM assets WHERE contract_id = ANY($1::uuid[]) ORDER BY contract_id, position, id`,
        [ids],
      ),
      manager.query(
        `SELECT id, contract_id, subscription_id, amendment_id, sku, quantity::text AS quantity, to_char(start_date, 'YYYY-MM-DD') AS start_date,
                to_char(end_date, 'YYYY-MM-DD') AS end_date, net_total::text AS net_total
           FROM subscription_deltas WHERE contract_id = ANY($1::uuid[]) ORDER BY contract_id, seq`,
        [ids],
      ),
    ]);
    return rows.map((r) => {
      const names = new Map<string, string>();
      const serviceLevels = new Map<string, string | null>();
      const subscriptions: Subscription[] = subs
        .filter((s) => s.contract_id === r.id)
        .map((s) => {
          names.set(s.sku, s.product_name);
          serviceLevels.set(s.id, s.service_level);
          return {
            id: s.id,
            sku: s.sku,
            orderId: s.order_id,
            lineId: s.line_id,
            quantity: Decimal.of(s.quantity),
            start: d(s.start_date),
            end: d(s.end_date),
            termMonths: s.term_months,
            netTotal: Decimal.of(s.net_total),
            pricing: {
              netTotal: Decimal.of(s.line_net_total),
              quantity: Decimal.of(s.line_quantity),
            },
          };
        });
      const contractAssets: Asset[] = assets
        .filter((a) => a.contract_id === r.id)
        .map((a) => {
          names.set(a.sku, a.product_name);
          return {
            id: a.id,
            sku: a.sku,
            orderId: a.order_id,
            lineId: a.line_id,
            quantity: Decimal.of(a.quantity),
            start: d(a.start_date),
            status: a.status,
          };
        });
      const contractDeltas = deltas.filter((x) => x.contract_id === r.id);
      const contract: Contract = {
        id: r.id,
        quoteId: r.quote_id,
        account: r.account_id,
        orderIds: r.order_ids,
        method: r.method,
        start: d(r.start_date),
        end: d(r.end_date),
        subscriptions,
        assets: contractAssets,
        deltas: contractDeltas.map((x): SubscriptionDelta => ({
          id: x.id,
          subscriptionId: x.subscription_id,
          sku: x.sku,
          quantity: Decimal.of(x.quantity),
          start: d(x.start_date),
          end: d(x.end_date),
          netTotal: Decimal.of(x.net_total),
        })),
        sequence: r.sequence,
        history: [],
      };
      return {
        contract,
        number: r.number,
        state: r.status,
        terminatedOn: r.terminated_on as LocalDate | null,
        version: r.version,
        renewalPricing: r.renewal_pricing,
        renewalUpliftPercent:
          r.renewal_uplift_percent === null
            ? null
            : Decimal.of(r.renewal_uplift_percent),
        renewalQuoteId: r.renewal_quote_id,
        ownerId: r.owner_id,
        names,
        serviceLevels,
        deltaAmendments: new Map(
          contractDeltas.map((x) => [x.id, x.amendment_id]),
        ),
      };
    });
  }

  /** Inserts new contracts with their orders, subscriptions and assets; a fixed number of statements. */
  async insert(
    manager: EntityManager,
    contracts: readonly Contract[],
    meta: NewContractMeta,
    actorId: string | null,
  ): Promise<void> {
    if (contracts.length === 0) return;
    await manager.query(
      `INSERT INTO contracts (id, account_id, quote_id, method, status, start_date, end_date, sequence, renewal_pricing, renewal_uplift_percent, created_by)
       SELECT id, $1::uuid, quote_id, method, $2, start_date, end_date, sequence, $3, $4::numeric, $5::uuid
         FROM unnest($6::uuid[], $7::uuid[], $8::text[], $9::date[], $10::date[], $11::int[]) AS t(id, quote_id, method, start_date, end_date, sequence)`,
      [
        meta.accountId,
        meta.state,
        meta.renewalPricing,
        meta.renewalUpliftPercent,
        actorId,
        contracts.map((c) => c.id),
        contracts.map((c) => c.quoteId),
        contracts.map((c) => c.method),
        contracts.map((c) => c.start),
        contracts.map((c) => c.end),
        contracts.map((c) => c.sequence),
      ],
    );
    const held = contracts.flatMap((c) =>
      c.orderIds.map((o) => [c.id, o] as const),
    );
    await manager.query(
      `INSERT INTO contract_orders (contract_id, order_id) SELECT * FROM unnest($1::uuid[], $2::uuid[])`,
      [held.map((h) => h[0]), held.map((h) => h[1])],
    );
    // An order is contracted once: the conditional update is the database's guard against a racing request.
    const orderIds = [...new Set(held.map((h) => h[1]))];
    const [marked] = (await manager.query(
      `UPDATE orders SET contracted_at = now() WHERE id = ANY($1::uuid[]) AND contracted_at IS NULL RETURNING id`,
      [orderIds],
    )) as [unknown[], number];
    if (marked.length !== orderIds.length)
      throw conflict(
        'invalid_state',
        'An order in this request is already contracted.',
      );
    const subs = contracts.flatMap((c) =>
      c.subscriptions.map((s) => ({ c, s })),
    );
    if (subs.length > 0) {
      await manager.query(
        `INSERT INTO subscriptions (id, contract_id, account_id, order_id, line_id, position, sku, product_name, quantity, start_date, end_date,
                                    term_months, net_total, line_net_total, line_quantity, service_level)
         SELECT id, contract_id, $1::uuid, order_id, line_id, position, sku, product_name, quantity, start_date, end_date, term_months, net_total,
                line_net_total, line_quantity, service_level
           FROM unnest($2::text[], $3::uuid[], $4::uuid[], $5::uuid[], $6::int[], $7::text[], $8::text[], $9::numeric[], $10::date[], $11::date[],
                       $12::int[], $13::numeric[], $14::numeric[], $15::numeric[], $16::text[])
             AS t(id, contract_id, order_id, line_id, position, sku, product_name, quantity, start_date, end_date, term_months, net_total,
                  line_net_total, line_quantity, service_level)`,
        [
          meta.accountId,
          subs.map((x) => x.s.id),
          subs.map((x) => x.c.id),
          subs.map((x) => x.s.orderId),
          subs.map((x) => x.s.lineId),
          subs.map((x) => meta.positions.get(x.s.lineId) ?? 0),
          subs.map((x) => x.s.sku),
          subs.map((x) => meta.names.get(x.s.lineId) ?? x.s.sku),
          subs.map((x) => x.s.quantity.toString()),
          subs.map((x) => x.s.start),
          subs.map((x) => x.s.end),
          subs.map((x) => x.s.termMonths),
          subs.map((x) => x.s.netTotal.toFixed2()),
          subs.map((x) => x.s.pricing.netTotal.toFixed2()),
          subs.map((x) => x.s.pricing.quantity.toString()),
          subs.map((x) => meta.serviceLevels.get(x.s.lineId) ?? null),
        ],
      );
    }
    const assets = contracts.flatMap((c) => c.assets.map((a) => ({ c, a })));
    if (assets.length > 0) {
      await manager.query(
        `INSERT INTO assets (id, contract_id, account_id, order_id, line_id, position, sku, product_name, quantity, start_date)
         SELECT id, contract_id, $1::uuid, order_id, line_id, position, sku, product_name, quantity, start_date
           FROM unnest($2::text[], $3::uuid[], $4::uuid[], $5::uuid[], $6::int[], $7::text[], $8::text[], $9::numeric[], $10::date[])
             AS t(id, contract_id, order_id, line_id, position, sku, product_name, quantity, start_date)`,
        [
          meta.accountId,
          assets.map((x) => x.a.id),
          assets.map((x) => x.c.id),
          assets.map((x) => x.a.orderId),
          assets.map((x) => x.a.lineId),
          assets.map((x) => meta.positions.get(x.a.lineId) ?? 0),
          assets.map((x) => x.a.sku),
          assets.map((x) => meta.names.get(x.a.lineId) ?? x.a.sku),
          assets.map((x) => x.a.quantity.toString()),
          assets.map((x) => x.a.start),
        ],
      );
    }
  }

  async insertDeltas(
    manager: EntityManager,
    contractId: string,
    deltas: readonly SubscriptionDelta[],
    firstSeq: number,
    amendmentId: string | null,
  ): Promise<void> {
    if (deltas.length === 0) return;
    await manager.query(
      `INSERT INTO subscription_deltas (id, contract_id, subscription_id, amendment_id, seq, sku, quantity, start_date, end_date, net_total)
       SELECT id, $1::uuid, subscription_id, $2::uuid, seq, sku, quantity, start_date, end_date, net_total
         FROM unnest($3::text[], $4::text[], $5::int[], $6::text[], $7::numeric[], $8::date[], $9::date[], $10::numeric[])
           AS t(id, subscription_id, seq, sku, quantity, start_date, end_date, net_total)`,
      [
        contractId,
        amendmentId,
        deltas.map((x) => x.id),
        deltas.map((x) => x.subscriptionId),
        deltas.map((_, i) => firstSeq + i),
        deltas.map((x) => x.sku),
        deltas.map((x) => x.quantity.toString()),
        deltas.map((x) => x.start),
        deltas.map((x) => x.end),
        deltas.map((x) => x.netTotal.toFixed2()),
      ],
    );
  }

  /** Writes a contract's status under its version (stale → 409). */
  async saveState(
    manager: EntityManager,
    stored: StoredContract,
    state: ContractState,
    extra: {
      terminatedOn?: LocalDate | null;
      renewalQuoteId?: string | null;
    } = {},
  ): Promise<void> {
    const [rows] = (await manager.query(
      `UPDATE contracts SET status = $3, terminated_on = $4, renewal_quote_id = $5, version = version + 1, updated_at = now()
        WHERE id = $1 AND version = $2 RETURNING id`,
      [
        stored.contract.id,
        stored.version,
        state,
        extra.terminatedOn === undefined
          ? stored.terminatedOn
          : extra.terminatedOn,
        extra.renewalQuoteId === undefined
          ? stored.renewalQuoteId
          : extra.renewalQuoteId,
      ],
    )) as [unknown[], number];
    if (rows.length === 0)
      throw conflict(
        'stale_version',
        `Contract ${stored.number} was changed by someone else. Reload and try again.`,
      );
  }

  async appendHistory(
    manager: EntityManager,
    rows: readonly ContractHistoryRow[],
    actorId: string | null,
  ): Promise<void> {
    if (rows.length === 0) return;
    await manager.query(
      `INSERT INTO contract_history (contract_id, actor_id, event, from_status, to_status, reason, detail)
       SELECT contract_id, $1::uuid, event, from_status, to_status, reason, detail
         FROM unnest($2::uuid[], $3::text[], $4::text[], $5::text[], $6::text[], $7::jsonb[]) AS t(contract_id, event, from_status, to_status, reason, detail)`,
      [
        actorId,
        rows.map((r) => r.contractId),
        rows.map((r) => r.event),
        rows.map((r) => r.from),
        rows.map((r) => r.to),
        rows.map((r) => r.reason ?? null),
        rows.map((r) => JSON.stringify(r.detail ?? {})),
      ],
    );
  }

  async nextSequence(manager: EntityManager): Promise<number> {
    const rows: { next: number }[] = await manager.query(
      `SELECT COALESCE(max(sequence), 0) + 1 AS next FROM contracts`,
    );
    return Number(rows[0]?.next ?? 1);
  }
}
