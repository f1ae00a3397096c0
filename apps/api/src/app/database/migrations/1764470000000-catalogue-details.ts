import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What accounts, products and quotes still lacked: account currency, billing address, ship-to
 * locations and per-connector ERP ids; bundles (product components); decimal custom fields;
 * quote currency, `orderBy` and groups with their own start date; a ship-to location per line.
 */
export class CatalogueDetails1764470000000 implements MigrationInterface {
  name = 'CatalogueDetails1764470000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE accounts
        ADD COLUMN currency text NOT NULL DEFAULT 'USD' CHECK (currency ~ '^[A-Z]{3}$'),
        ADD COLUMN billing_address jsonb,
        ADD COLUMN external_ids jsonb NOT NULL DEFAULT '{}'::jsonb CHECK (jsonb_typeof(external_ids) = 'object')`);
    await q.query(`
      CREATE TABLE account_locations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        account_id uuid NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
        name text NOT NULL,
        street text,
        city text,
        postal_code text,
        region text,
        country text CHECK (country ~ '^[A-Z]{2}$'),
        position integer NOT NULL DEFAULT 0,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX account_locations_name ON account_locations (account_id, lower(name))`);
    await q.query(`
      CREATE TABLE product_components (
        bundle_id uuid NOT NULL REFERENCES products(id) ON DELETE CASCADE,
        component_id uuid NOT NULL REFERENCES products(id),
        quantity numeric(18,4) NOT NULL CHECK (quantity > 0),
        position integer NOT NULL DEFAULT 0,
        PRIMARY KEY (bundle_id, component_id),
        CHECK (bundle_id <> component_id)
      )`);
    await q.query(`ALTER TABLE field_definitions DROP CONSTRAINT IF EXISTS field_definitions_type_check`);
    await q.query(`ALTER TABLE field_definitions ADD CONSTRAINT field_definitions_type_check CHECK (type IN ('text','number','decimal','date','boolean','picklist'))`);
    await q.query(`
      ALTER TABLE quotes
        ADD COLUMN currency text NOT NULL DEFAULT 'USD' CHECK (currency ~ '^[A-Z]{3}$'),
        ADD COLUMN order_by text[] NOT NULL DEFAULT '{}'`);
    await q.query(`
      CREATE TABLE quote_groups (
        quote_id uuid NOT NULL REFERENCES quotes(id) ON DELETE CASCADE,
        name text NOT NULL,
        start_date date,
        position integer NOT NULL DEFAULT 0,
        PRIMARY KEY (quote_id, name)
      )`);
    await q.query(`ALTER TABLE quote_lines ADD COLUMN ship_to_location_id uuid REFERENCES account_locations(id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE quote_lines DROP COLUMN ship_to_location_id`);
    await q.query(`DROP TABLE quote_groups`);
    await q.query(`ALTER TABLE quotes DROP COLUMN order_by, DROP COLUMN currency`);
    await q.query(`ALTER TABLE field_definitions DROP CONSTRAINT field_definitions_type_check`);
    await q.query(`ALTER TABLE field_definitions ADD CONSTRAINT field_definitions_type_check CHECK (type IN ('text','number','date','boolean','picklist'))`);
    await q.query(`DROP TABLE product_components`);
    await q.query(`DROP TABLE account_locations`);
    await q.query(`ALTER TABLE accounts DROP COLUMN external_ids, DROP COLUMN billing_address, DROP COLUMN currency`);
  }
}
