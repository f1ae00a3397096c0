import { InjectQueue } from '@nestjs/bullmq';
import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  isDueToExpire,
  planRenewal,
  type RenewalPricing,
} from '@signet/contracts-domain';
import type { Catalog, Product } from '@signet/orders-domain';
import { addDays, Decimal, type LocalDate } from '@signet/shared-kernel';
import { JobName, QueueName } from '@signet/sync-contracts';
import type { Queue } from 'bullmq';
import type { DataSource, EntityManager } from 'typeorm';
import type { Principal } from '../auth/principal';
import { AppError, invalidInput, notFound } from '../common/app-error';
import { todayUtc } from '../common/today';
import { contractsConfig } from '../config/configuration';
import { ordersProblem } from '../orders/orders-problem';
import {
  ContractsRepository,
  type RenewalPricingKind,
  type StoredContract,
} from './contracts.repository';
import { ContractsService } from './contracts.service';
import type {
  QuoteRefDto,
  RenewalSweepResultDto,
  RenewContractDto,
} from './dto/contract.dto';
import { QuoteDrafts } from './quote-drafts';

/** Renewal quotes, on request or from the sweep N days before a contract ends; the sweep also expires ended contracts. */
@Injectable()
export class RenewalsService implements OnApplicationBootstrap {
  private readonly logger = new Logger(RenewalsService.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @InjectQueue(QueueName.ContractRenewals) private readonly queue: Queue,
    @Inject(contractsConfig.KEY)
    private readonly settings: ConfigType<typeof contractsConfig>,
    private readonly contracts: ContractsRepository,
    private readonly contractsService: ContractsService,
    private readonly drafts: QuoteDrafts,
  ) {}

  /** One repeatable sweep job per deployment (fixed job scheduler id), every RENEWAL_SWEEP_MINUTES. */
  async onApplicationBootstrap(): Promise<void> {
    try {
      await this.queue.upsertJobScheduler(
        'contract-renewal-sweep',
        { every: this.settings.sweepMinutes * 60_000 },
        { name: JobName.ContractRenewalSweep, data: {} },
      );
    } catch (error) {
      // The API must start even when the queue engine is briefly unavailable; the next start schedules it.
      this.logger.error(
        { error: error instanceof Error ? error.message : String(error) },
        'renewal sweep not scheduled',
      );
    }
  }

  async renew(
    contractId: string,
    input: RenewContractDto,
    actor: Principal,
  ): Promise<QuoteRefDto> {
    return this.db.manager.transaction(async (manager) => {
      const [stored] = await this.contracts.load(
        manager,
        { ids: [contractId] },
        true,
      );
      if (!stored) throw notFound('Contract', contractId);
      const kind = input.pricing ?? stored.renewalPricing;
      const percent =
        input.upliftPercent ?? stored.renewalUpliftPercent?.toString();
      if (kind === 'uplift' && percent === undefined)
        throw invalidInput([
          {
            field: 'upliftPercent',
            message: 'uplift pricing needs upliftPercent',
          },
        ]);
      return this.renewIn(
        manager,
        stored,
        pricingOf(kind, percent),
        actor.kind === 'user' ? actor.id : stored.ownerId,
        input.termMonths,
      );
    });
  }

  private async renewIn(
    manager: EntityManager,
    stored: StoredContract,
    pricing: RenewalPricing,
    ownerId: string,
    termMonths?: number,
  ): Promise<QuoteRefDto> {
    if (stored.state !== 'activated')
      throw new AppError(
        409,
        'invalid_state',
        'Conflict',
        `Contract ${stored.number} is ${stored.state}; only activated contracts are renewed.`,
      );
    if (stored.renewalQuoteId)
      throw new AppError(
        409,
        'renewal_exists',
        'Conflict',
        `Contract ${stored.number} already has a renewal quote.`,
        { quoteId: stored.renewalQuoteId },
      );
    const plan = planRenewal(stored.contract, {
      pricing,
      catalog: await this.catalog(manager, stored),
      ...(termMonths ? { termMonths } : {}),
    });
    if (!plan.ok) throw ordersProblem(plan.error);
    if (plan.value.lines.length === 0)
      throw new AppError(
        409,
        'invalid_state',
        'Conflict',
        `Nothing of contract ${stored.number} runs on its end date: there is nothing to renew.`,
      );
    const quote = await this.drafts.create(manager, {
      name: `Renewal of ${stored.number} (${pricing.kind}${pricing.kind === 'uplift' ? ` ${Decimal.of(pricing.percent).toString()}%` : ''})`,
      accountId: stored.contract.account,
      ownerId,
      startDate: plan.value.startDate,
      termMonths: null,
      lines: plan.value.lines.map((l) => ({
        sku: l.sku,
        quantity: l.quantity,
        start: l.startDate,
        end: l.endDate,
        termMonths: l.termMonths,
        netTotal: l.netTotal,
        group: 'Renewal',
      })),
      source: {
        source: 'renewal',
        contractId: stored.contract.id,
        pricing: pricing.kind,
      },
    });
    await this.contracts.saveState(manager, stored, stored.state, {
      renewalQuoteId: quote.id,
    });
    await this.contracts.appendHistory(
      manager,
      [
        {
          contractId: stored.contract.id,
          event: 'renewal-quoted',
          from: stored.state,
          to: stored.state,
          reason: `quote ${quote.number}, ${pricing.kind}`,
        },
      ],
      ownerId,
    );
    return { quoteId: quote.id, quoteNumber: quote.number };
  }

  /** Renews contracts ending within the lead time and expires those that ended; each contract in its own transaction. */
  async sweep(today: LocalDate = todayUtc()): Promise<RenewalSweepResultDto> {
    const leadDays = this.settings.renewalLeadDays;
    const due: { id: string }[] = await this.db.query(
      `SELECT id FROM contracts WHERE status = 'activated' AND renewal_quote_id IS NULL AND end_date >= $1 AND end_date <= $2 ORDER BY end_date`,
      [today, addDays(today, leadDays)],
    );
    const renewals: QuoteRefDto[] = [];
    for (const { id } of due) {
      try {
        renewals.push(
          await this.db.manager.transaction(async (manager) => {
            const [stored] = await this.contracts.load(
              manager,
              { ids: [id] },
              true,
            );
            return this.renewIn(
              manager,
              stored,
              pricingOf(
                stored.renewalPricing,
                stored.renewalUpliftPercent?.toString(),
              ),
              stored.ownerId,
            );
          }),
        );
      } catch (error) {
        this.logger.warn(
          {
            contractId: id,
            error: error instanceof Error ? error.message : String(error),
          },
          'renewal not generated',
        );
      }
    }
    const ended: { id: string; status: string; end_date: string }[] =
      await this.db.query(
        `SELECT id, status, to_char(end_date, 'YYYY-MM-DD') AS end_date FROM contracts WHERE status = 'activated' AND end_date < $1`,
        [today],
      );
    const expired: string[] = [];
    for (const c of ended) {
      if (!isDueToExpire('activated', c.end_date as LocalDate, today)) continue;
      await this.contractsService.transition(
        c.id,
        undefined,
        null,
        'expire',
        today,
      );
      expired.push(c.id);
    }
    if (renewals.length + expired.length > 0)
      this.logger.log(
        { renewals: renewals.length, expired: expired.length },
        'renewal sweep',
      );
    return { leadDays, renewals, expired };
  }

  private async catalog(
    manager: EntityManager,
    stored: StoredContract,
  ): Promise<Catalog> {
    const skus = [...new Set(stored.contract.subscriptions.map((s) => s.sku))];
    const rows: {
      sku: string;
      charge_type: Product['chargeType'];
      revenue_method: Product['revenue'];
      ssp: string | null;
      term_months: number | null;
    }[] = await manager.query(
      `SELECT sku, charge_type, revenue_method, ssp::text AS ssp, term_months FROM products WHERE sku = ANY($1::text[])`,
      [skus],
    );
    return new Map(
      rows.map((p) => [
        p.sku,
        {
          sku: p.sku,
          chargeType: p.charge_type,
          revenue: p.revenue_method,
          ssp: p.ssp === null ? null : Decimal.of(p.ssp),
          termMonths: p.term_months,
        },
      ]),
    );
  }
}

function pricingOf(
  kind: RenewalPricingKind,
  percent: string | undefined,
): RenewalPricing {
  return kind === 'uplift' ? { kind, percent: percent ?? '0' } : { kind };
}
