import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Inbound ERP facts: every fact received (applied, ignored or rejected, once per connector and
 * fact id), per-line fulfilment detail, invoices with their lines, and an asset status that
 * follows fulfilment.
 */
export class InboundFacts1764490000000 implements MigrationInterface {
  name = 'InboundFacts1764490000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE erp_facts (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        connector text NOT NULL,
        fact_id text NOT NULL,
        kind text NOT NULL CHECK (kind IN ('fulfilment','invoice')),
        source text NOT NULL CHECK (source IN ('webhook','poll')),
        order_id uuid REFERENCES orders(id) ON DELETE SET NULL,
        order_number text NOT NULL,
        erp_document_id text,
        occurred_at timestamptz NOT NULL,
        received_at timestamptz NOT NULL DEFAULT now(),
        payload jsonb NOT NULL,
        outcome text NOT NULL CHECK (outcome IN ('applied','ignored','rejected')),
        reason text,
        detail text,
        CONSTRAINT erp_facts_connector_fact UNIQUE (connector, fact_id)
      )`);
    await q.query(`CREATE INDEX erp_facts_order ON erp_facts (order_id, received_at DESC)`);
    await q.query(`CREATE INDEX erp_facts_unknown_order ON erp_facts (received_at) WHERE order_id IS NULL`);
    await q.query(`
      CREATE TABLE order_line_fulfilment (
        order_id uuid NOT NULL,
        line_id uuid NOT NULL,
        shipped numeric(18,4) NOT NULL DEFAULT 0 CHECK (shipped >= 0),
        delivered numeric(18,4) NOT NULL DEFAULT 0 CHECK (delivered >= 0 AND delivered <= shipped),
        shipped_on date,
        delivered_on date,
        last_fact_at timestamptz,
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (order_id, line_id),
        FOREIGN KEY (order_id, line_id) REFERENCES order_lines(order_id, line_id) ON DELETE CASCADE
      )`);
    await q.query(`
      CREATE TABLE order_invoices (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        order_id uuid NOT NULL REFERENCES orders(id) ON DELETE CASCADE,
        connector text NOT NULL,
        invoice_number text NOT NULL,
        invoice_date date NOT NULL,
        currency text NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
        total numeric(18,2) NOT NULL CHECK (total >= 0),
        fact_id text NOT NULL,
        occurred_at timestamptz NOT NULL,
        recorded_at timestamptz NOT NULL DEFAULT now(),
        -- One ERP invoice may bill several orders: each order keeps its own part of it.
        CONSTRAINT order_invoices_number UNIQUE (order_id, connector, invoice_number)
      )`);
    await q.query(`CREATE INDEX order_invoices_order ON order_invoices (order_id, invoice_date)`);
    await q.query(`
      CREATE TABLE order_invoice_lines (
        invoice_id uuid NOT NULL REFERENCES order_invoices(id) ON DELETE CASCADE,
        order_id uuid NOT NULL,
        line_id uuid NOT NULL,
        amount numeric(18,2) NOT NULL CHECK (amount >= 0),
        PRIMARY KEY (invoice_id, line_id)
      )`);
    await q.query(`CREATE INDEX order_invoice_lines_line ON order_invoice_lines (order_id, line_id)`);
    // Standard Webhooks message ids seen per connector: a replayed message is refused. Ids older
    // than the signature's timestamp tolerance can go, a replay of them fails as stale anyway.
    await q.query(`
      CREATE TABLE inbound_webhook_messages (
        connector text NOT NULL,
        message_id text NOT NULL,
        received_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (connector, message_id)
      )`);
    await q.query(`CREATE INDEX inbound_webhook_messages_age ON inbound_webhook_messages (received_at)`);
    await q.query(`
      ALTER TABLE assets
        ADD COLUMN status text NOT NULL DEFAULT 'ordered' CHECK (status IN ('ordered','shipped','delivered')),
        ADD COLUMN status_on date`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE assets DROP COLUMN status_on, DROP COLUMN status`);
    await q.query(`DROP TABLE inbound_webhook_messages`);
    await q.query(`DROP TABLE order_invoice_lines`);
    await q.query(`DROP TABLE order_invoices`);
    await q.query(`DROP TABLE order_line_fulfilment`);
    await q.query(`DROP TABLE erp_facts`);
  }
}
