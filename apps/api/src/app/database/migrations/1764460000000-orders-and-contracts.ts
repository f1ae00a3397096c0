import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Orders, the per-quote-line quantity ledger, contracts with subscriptions, assets and amendment
 * deltas, and their append-only histories. Runs after the quotes migration (1764400000000), whose
 * tables the foreign keys name.
 */
export class OrdersAndContracts1764460000000 implements MigrationInterface {
  name = 'OrdersAndContracts1764460000000';

  async up(q: QueryRunner): Promise<void> {
    // The ledger is the database's own guard of "ordered never exceeds quoted": every order write
    // moves `ordered` in one set-based UPDATE, and the CHECK refuses any overshoot even if two
    // requests raced past the application's check.
    await q.query(`
      CREATE TABLE quote_line_ledger (
        quote_id uuid NOT NULL REFERENCES quotes(id) ON DELETE CASCADE,
        line_id uuid NOT NULL,
        quoted numeric(18,4) NOT NULL,
        ordered numeric(18,4) NOT NULL DEFAULT 0,
        PRIMARY KEY (quote_id, line_id),
        CONSTRAINT quote_line_ledger_within_quoted CHECK (ordered >= 0 AND ordered <= quoted)
      )`);
    await q.query(`
      CREATE TABLE order_requests (
        quote_id uuid NOT NULL REFERENCES quotes(id) ON DELETE CASCADE,
        idempotency_key text NOT NULL,
        request_hash text NOT NULL,
        order_ids uuid[] NOT NULL,
        created_by uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (quote_id, idempotency_key)
      )`);
    await q.query(`CREATE SEQUENCE order_number_seq`);
    await q.query(`
      CREATE TABLE orders (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        number text NOT NULL UNIQUE DEFAULT ('O-' || lpad(nextval('order_number_seq')::text, 6, '0')),
        quote_id uuid NOT NULL REFERENCES quotes(id),
        account_id uuid NOT NULL REFERENCES accounts(id),
        split_key text NOT NULL,
        sequence integer NOT NULL,
        status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft','activated','fulfilled','cancelled')),
        effective_date date NOT NULL,
        activated_on date,
        activation_scheduled_on date,
        -- Set once when the order is contracted (by-end-date may spread one order over several contracts).
        contracted_at timestamptz,
        line_count integer NOT NULL DEFAULT 0,
        net_total numeric(18,2) NOT NULL DEFAULT 0,
        created_by uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1,
        CONSTRAINT orders_quote_sequence UNIQUE (quote_id, sequence)
      )`);
    await q.query(`CREATE INDEX orders_account ON orders (account_id, created_at DESC)`);
    await q.query(`CREATE INDEX orders_status ON orders (status, updated_at DESC)`);
    await q.query(`CREATE INDEX orders_scheduled ON orders (activation_scheduled_on) WHERE activation_scheduled_on IS NOT NULL`);
    await q.query(`
      CREATE TABLE order_lines (
        order_id uuid NOT NULL REFERENCES orders(id) ON DELETE CASCADE,
        quote_id uuid NOT NULL,
        line_id uuid NOT NULL,
        position integer NOT NULL,
        sku text NOT NULL,
        product_name text NOT NULL,
        charge_type text NOT NULL,
        quantity numeric(18,4) NOT NULL CHECK (quantity > 0),
        net_total numeric(18,2) NOT NULL,
        start_date date NOT NULL,
        end_date date NOT NULL,
        fulfilled numeric(18,4) NOT NULL DEFAULT 0,
        PRIMARY KEY (order_id, line_id),
        CONSTRAINT order_lines_fulfilled CHECK (fulfilled >= 0 AND fulfilled <= quantity)
      )`);
    await q.query(`CREATE INDEX order_lines_quote_line ON order_lines (quote_id, line_id)`);
    await q.query(`
      CREATE TABLE order_history (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        order_id uuid NOT NULL REFERENCES orders(id) ON DELETE CASCADE,
        at timestamptz NOT NULL DEFAULT now(),
        actor_id uuid,
        event text NOT NULL,
        from_status text NOT NULL,
        to_status text NOT NULL,
        reason text,
        detail jsonb NOT NULL DEFAULT '{}'
      )`);
    await q.query(`CREATE INDEX order_history_order ON order_history (order_id, id)`);

    await q.query(`CREATE SEQUENCE contract_number_seq`);
    await q.query(`
      CREATE TABLE contracts (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        number text NOT NULL UNIQUE DEFAULT ('C-' || lpad(nextval('contract_number_seq')::text, 6, '0')),
        account_id uuid NOT NULL REFERENCES accounts(id),
        quote_id uuid NOT NULL REFERENCES quotes(id),
        method text NOT NULL CHECK (method IN ('single','by-end-date')),
        status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft','activated','expired','terminated')),
        start_date date NOT NULL,
        end_date date NOT NULL,
        sequence integer NOT NULL,
        terminated_on date,
        renewal_pricing text NOT NULL DEFAULT 'same' CHECK (renewal_pricing IN ('same','list','uplift')),
        renewal_uplift_percent numeric(9,4),
        renewal_quote_id uuid REFERENCES quotes(id) ON DELETE SET NULL,
        created_by uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1
      )`);
    await q.query(`CREATE INDEX contracts_account ON contracts (account_id, end_date)`);
    await q.query(`CREATE INDEX contracts_renewal_due ON contracts (end_date) WHERE status = 'activated' AND renewal_quote_id IS NULL`);
    await q.query(`
      CREATE TABLE contract_orders (
        contract_id uuid NOT NULL REFERENCES contracts(id) ON DELETE CASCADE,
        order_id uuid NOT NULL REFERENCES orders(id),
        PRIMARY KEY (contract_id, order_id)
      )`);
    await q.query(`CREATE INDEX contract_orders_order ON contract_orders (order_id)`);
    await q.query(`
      CREATE TABLE subscriptions (
        id text PRIMARY KEY,
        contract_id uuid NOT NULL REFERENCES contracts(id) ON DELETE CASCADE,
        account_id uuid NOT NULL,
        order_id uuid NOT NULL,
        line_id uuid NOT NULL,
        position integer NOT NULL,
        sku text NOT NULL,
        product_name text NOT NULL,
        quantity numeric(18,4) NOT NULL CHECK (quantity > 0),
        start_date date NOT NULL,
        end_date date NOT NULL,
        term_months integer,
        net_total numeric(18,2) NOT NULL,
        line_net_total numeric(18,2) NOT NULL,
        line_quantity numeric(18,4) NOT NULL,
        service_level text
      )`);
    await q.query(`CREATE INDEX subscriptions_account ON subscriptions (account_id, start_date)`);
    await q.query(`CREATE INDEX subscriptions_contract ON subscriptions (contract_id, position)`);
    await q.query(`
      CREATE TABLE assets (
        id text PRIMARY KEY,
        contract_id uuid NOT NULL REFERENCES contracts(id) ON DELETE CASCADE,
        account_id uuid NOT NULL,
        order_id uuid NOT NULL,
        line_id uuid NOT NULL,
        position integer NOT NULL,
        sku text NOT NULL,
        product_name text NOT NULL,
        quantity numeric(18,4) NOT NULL CHECK (quantity > 0),
        start_date date NOT NULL
      )`);
    await q.query(`CREATE INDEX assets_account ON assets (account_id)`);
    await q.query(`CREATE INDEX assets_contract ON assets (contract_id, position)`);
    await q.query(`
      CREATE TABLE contract_amendments (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        contract_id uuid NOT NULL REFERENCES contracts(id) ON DELETE CASCADE,
        quote_id uuid NOT NULL UNIQUE REFERENCES quotes(id) ON DELETE CASCADE,
        effective date NOT NULL,
        changes jsonb NOT NULL,
        status text NOT NULL DEFAULT 'quoted' CHECK (status IN ('quoted','applied')),
        order_id uuid REFERENCES orders(id),
        created_by uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        applied_at timestamptz
      )`);
    await q.query(`CREATE INDEX contract_amendments_contract ON contract_amendments (contract_id, created_at)`);
    await q.query(`
      CREATE TABLE subscription_deltas (
        id text PRIMARY KEY,
        contract_id uuid NOT NULL REFERENCES contracts(id) ON DELETE CASCADE,
        subscription_id text NOT NULL REFERENCES subscriptions(id) ON DELETE CASCADE,
        amendment_id uuid REFERENCES contract_amendments(id),
        seq integer NOT NULL,
        sku text NOT NULL,
        quantity numeric(18,4) NOT NULL CHECK (quantity <> 0),
        start_date date NOT NULL,
        end_date date NOT NULL,
        net_total numeric(18,2) NOT NULL,
        CONSTRAINT subscription_deltas_seq UNIQUE (contract_id, seq)
      )`);
    await q.query(`CREATE INDEX subscription_deltas_subscription ON subscription_deltas (subscription_id, start_date)`);
    await q.query(`
      CREATE TABLE contract_history (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        contract_id uuid NOT NULL REFERENCES contracts(id) ON DELETE CASCADE,
        at timestamptz NOT NULL DEFAULT now(),
        actor_id uuid,
        event text NOT NULL,
        from_status text NOT NULL,
        to_status text NOT NULL,
        reason text,
        detail jsonb NOT NULL DEFAULT '{}'
      )`);
    await q.query(`CREATE INDEX contract_history_contract ON contract_history (contract_id, id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [
      'contract_history',
      'subscription_deltas',
      'contract_amendments',
      'assets',
      'subscriptions',
      'contract_orders',
      'contracts',
      'order_history',
      'order_lines',
      'orders',
      'order_requests',
      'quote_line_ledger',
    ]) {
      await q.query(`DROP TABLE ${table}`);
    }
    await q.query(`DROP SEQUENCE contract_number_seq`);
    await q.query(`DROP SEQUENCE order_number_seq`);
  }
}
