import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { contractInForceOn, entitlementsAsOf } from '@signet/contracts-domain';
import type { LocalDate } from '@signet/shared-kernel';
import type { DataSource, EntityManager } from 'typeorm';
import { notFound } from '../common/app-error';
import { todayUtc } from '../common/today';
import { ORDER_SELECT, toOrderDto } from '../orders/order-queries.service';
import { assetViews, subscriptionViews } from './contract-views';
import {
  ContractsRepository,
  type StoredContract,
} from './contracts.repository';
import { ContractsService } from './contracts.service';
import type {
  AccountOverviewDto,
  EntitlementDto,
  EntitlementsDto,
  TimelineEventDto,
} from './dto/contract.dto';

const MAX_OVERVIEW_ORDERS = 200;

/** Everything an account holds, and what it is entitled to on any date after every split and amendment. */
@Injectable()
export class Account360Service {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly contracts: ContractsRepository,
    private readonly contractsService: ContractsService,
  ) {}

  async entitlements(
    accountId: string,
    asOf: LocalDate = todayUtc(),
  ): Promise<EntitlementsDto> {
    await this.account(this.db.manager, accountId);
    const stored = await this.contracts.load(this.db.manager, { accountId });
    return { asOf, items: entitlementItems(stored, asOf) };
  }

  async overview(
    accountId: string,
    asOf: LocalDate = todayUtc(),
  ): Promise<AccountOverviewDto> {
    const manager = this.db.manager;
    const account = await this.account(manager, accountId);
    const [stored, summaries, orderRows] = await Promise.all([
      this.contracts.load(manager, { accountId }),
      this.contractsService.summaries(manager, accountId),
      manager.query(
        `${ORDER_SELECT} WHERE o.account_id = $1 ORDER BY o.created_at DESC, o.sequence LIMIT ${MAX_OVERVIEW_ORDERS}`,
        [accountId],
      ),
    ]);
    const orders = (orderRows as Parameters<typeof toOrderDto>[0][]).map(
      toOrderDto,
    );
    return {
      account,
      asOf,
      contracts: summaries,
      subscriptions: stored.flatMap((s) => subscriptionViews(s, asOf)),
      assets: stored.flatMap((s) => assetViews(s)),
      orders,
      entitlements: entitlementItems(stored, asOf),
      timeline: timeline(stored, orders),
    };
  }

  private async account(
    manager: EntityManager,
    id: string,
  ): Promise<{ id: string; name: string; accountNumber: string | null }> {
    const rows: { id: string; name: string; account_number: string | null }[] =
      await manager.query(
        `SELECT id, name, account_number FROM accounts WHERE id = $1`,
        [id],
      );
    if (!rows[0]) throw notFound('Account', id);
    return {
      id: rows[0].id,
      name: rows[0].name,
      accountNumber: rows[0].account_number,
    };
  }
}

/** The domain's entitlements over contracts in force on the date, with names, service levels and contract numbers. */
export function entitlementItems(
  stored: readonly StoredContract[],
  asOf: LocalDate,
): EntitlementDto[] {
  const inForce = stored.filter((s) =>
    contractInForceOn(s.state, s.terminatedOn, asOf),
  );
  const quantities = entitlementsAsOf(
    inForce.map((s) => s.contract),
    asOf,
  );
  return [...quantities].map(([sku, quantity]) => {
    const holders = inForce.filter((s) =>
      s.contract.subscriptions.some((x) => x.sku === sku),
    );
    const running = holders.flatMap((s) =>
      subscriptionViews(s, asOf)
        .filter((v) => v.sku === sku && !/^0(\.0+)?$/.test(v.currentQuantity))
        .map((v) => ({ s, v })),
    );
    return {
      sku,
      productName: holders[0]?.names.get(sku) ?? sku,
      quantity: quantity.toString(),
      serviceLevels: [
        ...new Set(
          running
            .map((r) => r.v.serviceLevel)
            .filter((l): l is string => l !== null),
        ),
      ],
      contracts: [...new Set(running.map((r) => r.s.number))],
    };
  });
}

function timeline(
  stored: readonly StoredContract[],
  orders: readonly {
    id: string;
    number: string;
    key: string;
    activatedOn: string | null;
    activationScheduledOn: string | null;
  }[],
): TimelineEventDto[] {
  const events: TimelineEventDto[] = [];
  for (const o of orders) {
    if (o.activatedOn)
      events.push({
        date: o.activatedOn,
        kind: 'order-activated',
        label: `${o.number} (${o.key}) activated`,
        objectId: o.id,
      });
    if (o.activationScheduledOn)
      events.push({
        date: o.activationScheduledOn,
        kind: 'order-scheduled',
        label: `${o.number} (${o.key}) scheduled to activate`,
        objectId: o.id,
      });
  }
  for (const s of stored) {
    const c = s.contract;
    events.push({
      date: c.start,
      kind: 'contract-start',
      label: `${s.number} starts`,
      objectId: c.id,
    });
    events.push({
      date: c.end,
      kind: 'contract-end',
      label: `${s.number} ends`,
      objectId: c.id,
    });
    if (s.terminatedOn)
      events.push({
        date: s.terminatedOn,
        kind: 'termination',
        label: `${s.number} terminated`,
        objectId: c.id,
      });
    for (const d of c.deltas) {
      events.push({
        date: d.start,
        kind: 'amendment',
        label: `${s.number}: ${d.sku} ${d.quantity.isNegative() ? '' : '+'}${d.quantity.toString()}`,
        objectId: c.id,
      });
    }
  }
  return events.sort((a, b) =>
    a.date === b.date ? a.kind.localeCompare(b.kind) : a.date < b.date ? -1 : 1,
  );
}
