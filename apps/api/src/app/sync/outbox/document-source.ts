import { Injectable } from '@nestjs/common';
import type { SyncContractDocument, SyncObjectType, SyncOrderDocument } from '@signet/sync-contracts';
import type { EntityManager } from 'typeorm';
import {
  type AccountRow,
  type AssetRow,
  buildContractDocument,
  buildOrderDocument,
  type ContractRow,
  type OrderLineRow,
  type OrderRow,
  type SubscriptionRow,
} from './sync-documents';

const ACCOUNT = `SELECT id, name, account_number, external_ids FROM accounts WHERE id = $1`;

/**
 * Reads an order or contract as it is now, for the relay and for re-drives: a document is built at
 * publish time, never stored with the event, so a corrected account (e.g. its ERP id) is what goes out.
 */
@Injectable()
export class DocumentSource {
  async build(manager: EntityManager, objectType: SyncObjectType, objectId: string): Promise<SyncOrderDocument | SyncContractDocument | null> {
    return objectType === 'order' ? this.order(manager, objectId) : this.contract(manager, objectId);
  }

  async order(manager: EntityManager, orderId: string): Promise<SyncOrderDocument | null> {
    const orders: (OrderRow & { account_id: string })[] = await manager.query(
      `SELECT o.id, o.number, o.quote_id, o.status, q.currency, o.effective_date::text AS effective_date,
              o.activated_on::text AS activated_on, o.net_total::text AS net_total, o.account_id
         FROM orders o JOIN quotes q ON q.id = o.quote_id WHERE o.id = $1`,
      [orderId],
    );
    const order = orders[0];
    if (!order) return null;
    const [accounts, lines]: [AccountRow[], OrderLineRow[]] = await Promise.all([
      manager.query(ACCOUNT, [order.account_id]),
      manager.query(
        `SELECT ol.line_id, ol.position, ol.sku, ol.product_name, ol.charge_type, ol.quantity::text AS quantity,
                ol.net_total::text AS net_total, ol.start_date::text AS start_date, ol.end_date::text AS end_date,
                l.name AS ship_to_name, l.street AS ship_to_street, l.city AS ship_to_city,
                l.postal_code AS ship_to_postal_code, l.region AS ship_to_region, l.country AS ship_to_country
           FROM order_lines ol
           LEFT JOIN quote_lines ql ON ql.quote_id = ol.quote_id AND ql.id = ol.line_id
           LEFT JOIN account_locations l ON l.id = ql.ship_to_location_id
          WHERE ol.order_id = $1 ORDER BY ol.position`,
        [orderId],
      ),
    ]);
    return buildOrderDocument(order, accounts[0], lines);
  }

  async contract(manager: EntityManager, contractId: string): Promise<SyncContractDocument | null> {
    const contracts: (ContractRow & { account_id: string })[] = await manager.query(
      `SELECT c.id, c.number, c.status, q.currency, c.start_date::text AS start_date, c.end_date::text AS end_date, c.account_id
         FROM contracts c JOIN quotes q ON q.id = c.quote_id WHERE c.id = $1`,
      [contractId],
    );
    const contract = contracts[0];
    if (!contract) return null;
    const [accounts, subscriptions, assets]: [AccountRow[], SubscriptionRow[], AssetRow[]] = await Promise.all([
      manager.query(ACCOUNT, [contract.account_id]),
      // Amendments are deltas on a subscription; the ERP gets the resulting quantity and total.
      manager.query(
        `SELECT s.id, s.sku, (s.quantity + coalesce(sum(d.quantity), 0))::text AS quantity,
                s.start_date::text AS start_date, s.end_date::text AS end_date,
                (s.net_total + coalesce(sum(d.net_total), 0))::numeric(18,2)::text AS net_total
           FROM subscriptions s LEFT JOIN subscription_deltas d ON d.subscription_id = s.id
          WHERE s.contract_id = $1 GROUP BY s.id ORDER BY s.position`,
        [contractId],
      ),
      manager.query(
        `SELECT a.id, a.sku, a.quantity::text AS quantity, 'active' AS status FROM assets a WHERE a.contract_id = $1 ORDER BY a.position`,
        [contractId],
      ),
    ]);
    return buildContractDocument(contract, accounts[0], subscriptions, assets);
  }
}
