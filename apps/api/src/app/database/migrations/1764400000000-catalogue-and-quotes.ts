import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CatalogueAndQuotes1764400000000 implements MigrationInterface {
  name = 'CatalogueAndQuotes1764400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE products (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        sku text NOT NULL,
        name text NOT NULL,
        family text,
        description text,
        charge_type text NOT NULL CHECK (charge_type IN ('one-time','recurring')),
        revenue_method text NOT NULL CHECK (revenue_method IN ('point-in-time','ratable')),
        list_price numeric(18,2) NOT NULL CHECK (list_price >= 0),
        ssp numeric(18,2) CHECK (ssp >= 0),
        term_months integer CHECK (term_months BETWEEN 1 AND 600),
        asset_conversion text NOT NULL DEFAULT 'none' CHECK (asset_conversion IN ('per-unit','per-line','none')),
        active boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1
      )`);
    await q.query(`CREATE UNIQUE INDEX products_sku_unique ON products (lower(sku))`);
    await q.query(`
      CREATE TABLE accounts (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL,
        account_number text,
        country text CHECK (country ~ '^[A-Z]{2}$'),
        active boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1
      )`);
    await q.query(`CREATE UNIQUE INDEX accounts_number_unique ON accounts (lower(account_number)) WHERE account_number IS NOT NULL`);
    await q.query(`CREATE INDEX accounts_name ON accounts (lower(name))`);
    await q.query(`
      CREATE TABLE field_definitions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        object text NOT NULL CHECK (object IN ('quote','line')),
        name text NOT NULL,
        label text NOT NULL,
        type text NOT NULL CHECK (type IN ('text','number','date','boolean','picklist')),
        options text[],
        multiple boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT field_definitions_name UNIQUE (object, name)
      )`);
    await q.query(`CREATE SEQUENCE quote_number_seq`);
    await q.query(`
      CREATE TABLE quotes (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        number text NOT NULL UNIQUE DEFAULT ('Q-' || lpad(nextval('quote_number_seq')::text, 6, '0')),
        name text NOT NULL,
        account_id uuid NOT NULL REFERENCES accounts(id),
        owner_id uuid NOT NULL REFERENCES users(id),
        status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft','pending','approved','rejected','recalled')),
        start_date date NOT NULL,
        term_months integer CHECK (term_months BETWEEN 1 AND 600),
        valid_until date,
        fields jsonb NOT NULL DEFAULT '{}',
        line_count integer NOT NULL DEFAULT 0,
        list_total numeric(18,2) NOT NULL DEFAULT 0,
        net_total numeric(18,2) NOT NULL DEFAULT 0,
        discount_amount numeric(18,2) NOT NULL DEFAULT 0,
        discount_percent numeric(9,2),
        one_time_total numeric(18,2) NOT NULL DEFAULT 0,
        recurring_total numeric(18,2) NOT NULL DEFAULT 0,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1
      )`);
    await q.query(`CREATE INDEX quotes_updated ON quotes (updated_at DESC, id)`);
    await q.query(`CREATE INDEX quotes_account ON quotes (account_id)`);
    await q.query(`CREATE INDEX quotes_owner_status ON quotes (owner_id, status)`);
    // Lines are written set-based (one INSERT … SELECT FROM unnest per change), never row by row.
    await q.query(`
      CREATE TABLE quote_lines (
        quote_id uuid NOT NULL REFERENCES quotes(id) ON DELETE CASCADE,
        id uuid NOT NULL,
        position integer NOT NULL,
        product_id uuid NOT NULL REFERENCES products(id),
        sku text NOT NULL,
        product_name text NOT NULL,
        family text,
        charge_type text NOT NULL CHECK (charge_type IN ('one-time','recurring')),
        quantity numeric(18,4) NOT NULL CHECK (quantity > 0),
        list_unit_price numeric(18,2) NOT NULL CHECK (list_unit_price >= 0),
        discount_percent numeric(7,4) NOT NULL DEFAULT 0 CHECK (discount_percent BETWEEN 0 AND 100),
        parent_id uuid,
        line_group text,
        start_date date,
        term_months integer CHECK (term_months BETWEEN 1 AND 600),
        starts_on date NOT NULL,
        ends_on date NOT NULL,
        term integer,
        list_total numeric(18,2) NOT NULL,
        net_total numeric(18,2) NOT NULL,
        fields jsonb NOT NULL DEFAULT '{}',
        PRIMARY KEY (quote_id, id)
      )`);
    await q.query(`CREATE INDEX quote_lines_position ON quote_lines (quote_id, position)`);
    await q.query(`CREATE INDEX quote_lines_product ON quote_lines (product_id)`);
    await q.query(`
      CREATE TABLE quote_history (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        quote_id uuid NOT NULL REFERENCES quotes(id) ON DELETE CASCADE,
        at timestamptz NOT NULL DEFAULT now(),
        actor_id uuid,
        action text NOT NULL,
        from_status text,
        to_status text,
        detail jsonb NOT NULL DEFAULT '{}'
      )`);
    await q.query(`CREATE INDEX quote_history_quote ON quote_history (quote_id, id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE quote_history`);
    await q.query(`DROP TABLE quote_lines`);
    await q.query(`DROP TABLE quotes`);
    await q.query(`DROP SEQUENCE quote_number_seq`);
    await q.query(`DROP TABLE field_definitions`);
    await q.query(`DROP TABLE accounts`);
    await q.query(`DROP TABLE products`);
  }
}
