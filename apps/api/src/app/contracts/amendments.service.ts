import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { amendContract, type AmendmentChange } from '@signet/contracts-domain';
import type { Order } from '@signet/orders-domain';
import { type LocalDate, parseLocalDate } from '@signet/shared-kernel';
import type { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { Principal } from '../auth/principal';
import { AppError, notFound } from '../common/app-error';
import { BusinessEventsService } from '../events/business-events.service';
import { OrderActivationHooks } from '../orders/order-activation-hooks';
import { ordersProblem } from '../orders/orders-problem';
import { ContractsRepository } from './contracts.repository';
import { ContractsService } from './contracts.service';
import type { AmendContractDto, AmendmentCreatedDto } from './dto/contract.dto';
import { QuoteDrafts } from './quote-drafts';

/**
 * Amendments: the contract domain computes co-terminated, prorated deltas; they are quoted as an
 * amendment quote that goes through approvals like any quote; activating the order of that quote
 * applies the deltas to the contract (recomputed then, so the contract is never out of step).
 */
@Injectable()
export class AmendmentsService implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly contracts: ContractsRepository,
    private readonly contractsService: ContractsService,
    private readonly drafts: QuoteDrafts,
    private readonly hooks: OrderActivationHooks,
    private readonly events: BusinessEventsService,
    private readonly audit: AuditService,
  ) {}

  onModuleInit(): void {
    this.hooks.register((manager, order, actorId) =>
      this.applyOnActivation(manager, order, actorId),
    );
  }

  async amend(
    contractId: string,
    input: AmendContractDto,
    actor: Principal,
  ): Promise<AmendmentCreatedDto> {
    if (actor.kind !== 'user')
      throw new AppError(
        403,
        'user_required',
        'Forbidden',
        'Amendment quotes are owned by a user: sign in as one.',
      );
    const created = await this.db.manager.transaction(async (manager) => {
      const [stored] = await this.contracts.load(
        manager,
        { ids: [contractId] },
        true,
      );
      if (!stored) throw notFound('Contract', contractId);
      if (stored.state !== 'activated')
        throw new AppError(
          409,
          'invalid_state',
          'Conflict',
          `Contract ${stored.number} is ${stored.state}; only activated contracts can be amended.`,
        );
      const open: unknown[] = await manager.query(
        `SELECT 1 FROM contract_amendments WHERE contract_id = $1 AND status = 'quoted'`,
        [contractId],
      );
      if (open.length > 0)
        throw new AppError(
          409,
          'amendment_open',
          'Conflict',
          `Contract ${stored.number} has an amendment that is not ordered yet; finish or delete its quote first.`,
        );
      const effective = parseLocalDate(input.effective);
      const changes: AmendmentChange[] = input.changes.map((c) => ({
        sku: c.sku,
        quantityDelta: c.quantityDelta,
      }));
      // The domain decides (dates within the subscription, never below zero); nothing is applied yet.
      const amended = amendContract(stored.contract, {
        effective,
        changes,
        ctx: { at: new Date().toISOString(), actor: actor.id },
      });
      if (!amended.ok) throw ordersProblem(amended.error);
      const deltas = amended.value.deltas.slice(stored.contract.deltas.length);
      const quote = await this.drafts.create(manager, {
        name: `Amendment of ${stored.number} from ${effective}`,
        accountId: stored.contract.account,
        ownerId: actor.id,
        startDate: effective,
        termMonths: null,
        lines: deltas.map((d) => ({
          sku: d.sku,
          quantity: d.quantity.abs(),
          start: d.start,
          end: d.end,
          termMonths: null,
          netTotal: d.netTotal,
          group: d.quantity.isNegative() ? 'Reductions' : 'Additions',
        })),
        source: { source: 'amendment', contractId },
      });
      const rows: { id: string }[] = await manager.query(
        `INSERT INTO contract_amendments (contract_id, quote_id, effective, changes, created_by) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
        [
          contractId,
          quote.id,
          effective,
          JSON.stringify(
            deltas.map((d) => ({
              sku: d.sku,
              quantityDelta: d.quantity.toString(),
              netTotal: d.netTotal.toFixed2(),
              start: d.start,
              end: d.end,
            })),
          ),
          actor.id,
        ],
      );
      await this.contracts.appendHistory(
        manager,
        [
          {
            contractId,
            event: 'amendment-quoted',
            from: stored.state,
            to: stored.state,
            reason: `quote ${quote.number} from ${effective}`,
          },
        ],
        actor.id,
      );
      await this.audit.record(
        {
          actorId: actor.id,
          action: 'contract.amendment_quoted',
          targetType: 'contract',
          targetId: contractId,
          detail: { quoteId: quote.id },
        },
        manager,
      );
      return { quote, amendmentId: rows[0].id };
    });
    const contract = await this.contractsService.get(contractId);
    const amendment = contract.amendments.find(
      (a) => a.id === created.amendmentId,
    );
    if (!amendment) throw new Error('amendment vanished');
    return {
      quoteId: created.quote.id,
      quoteNumber: created.quote.number,
      amendment,
    };
  }

  /** When the order of an amendment quote is activated, its deltas join the contract. */
  private async applyOnActivation(
    manager: EntityManager,
    order: Order,
    actorId: string | null,
  ): Promise<void> {
    const rows: {
      id: string;
      contract_id: string;
      effective: string;
      changes: { sku: string; quantityDelta: string }[];
    }[] = await manager.query(
      `SELECT id, contract_id, to_char(effective, 'YYYY-MM-DD') AS effective, changes FROM contract_amendments WHERE quote_id = $1 AND status = 'quoted' FOR UPDATE`,
      [order.quoteId],
    );
    const amendment = rows[0];
    if (!amendment) return;
    const [stored] = await this.contracts.load(
      manager,
      { ids: [amendment.contract_id] },
      true,
    );
    if (stored.state !== 'activated') {
      throw new AppError(
        409,
        'invalid_state',
        'Conflict',
        `Contract ${stored.number} is ${stored.state}; the amendment cannot be applied.`,
      );
    }
    const amended = amendContract(stored.contract, {
      effective: amendment.effective as LocalDate,
      changes: amendment.changes.map((c) => ({
        sku: c.sku,
        quantityDelta: c.quantityDelta,
      })),
      ctx: { at: new Date().toISOString(), actor: actorId ?? 'system' },
    });
    if (!amended.ok) throw ordersProblem(amended.error);
    const added = amended.value.deltas.slice(stored.contract.deltas.length);
    await this.contracts.insertDeltas(
      manager,
      stored.contract.id,
      added,
      stored.contract.deltas.length + 1,
      amendment.id,
    );
    await manager.query(
      `UPDATE contract_amendments SET status = 'applied', order_id = $2, applied_at = now() WHERE id = $1`,
      [amendment.id, order.id],
    );
    await manager.query(
      `UPDATE contracts SET version = version + 1, updated_at = now() WHERE id = $1`,
      [stored.contract.id],
    );
    await this.contracts.appendHistory(
      manager,
      [
        {
          contractId: stored.contract.id,
          event: 'amend',
          from: stored.state,
          to: stored.state,
          reason:
            amended.value.history[amended.value.history.length - 1]?.reason ??
            null,
          detail: { amendmentId: amendment.id, orderId: order.id },
        },
      ],
      actorId,
    );
    await this.events.emit(manager, {
      type: 'subscriptions.changed',
      objectType: 'contract',
      objectId: stored.contract.id,
      data: { amendmentId: amendment.id },
    });
  }
}
