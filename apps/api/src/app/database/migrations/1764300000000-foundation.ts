import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Foundation1764300000000 implements MigrationInterface {
  name = 'Foundation1764300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE users (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        email text NOT NULL,
        display_name text NOT NULL,
        password_hash text NOT NULL,
        roles text[] NOT NULL DEFAULT '{}',
        active boolean NOT NULL DEFAULT true,
        token_version integer NOT NULL DEFAULT 0,
        last_login_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1,
        CONSTRAINT users_roles_known CHECK (roles <@ ARRAY['admin','sales','approver','finance','integration']::text[])
      )`);
    await q.query(`CREATE UNIQUE INDEX users_email_unique ON users (lower(email))`);
    await q.query(`
      CREATE TABLE audit_events (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        at timestamptz NOT NULL DEFAULT now(),
        actor_id uuid,
        action text NOT NULL,
        target_type text,
        target_id text,
        detail jsonb NOT NULL DEFAULT '{}',
        ip text
      )`);
    await q.query(`CREATE INDEX audit_events_at ON audit_events (at)`);
    await q.query(`CREATE INDEX audit_events_action_at ON audit_events (action, at)`);
    await q.query(`
      CREATE TABLE api_keys (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL,
        prefix text NOT NULL,
        key_hash text NOT NULL UNIQUE,
        roles text[] NOT NULL,
        created_by uuid REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        last_used_at timestamptz,
        revoked_at timestamptz
      )`);
    await q.query(`
      CREATE TABLE sync_ledger (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        connector text NOT NULL,
        object_type text NOT NULL,
        object_id text NOT NULL,
        status text NOT NULL,
        job_id text NOT NULL,
        attempts integer NOT NULL DEFAULT 0,
        erp_id text,
        error_code text,
        error_message text,
        detail jsonb NOT NULL DEFAULT '{}',
        requested_at timestamptz NOT NULL DEFAULT now(),
        finished_at timestamptz,
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT sync_ledger_object UNIQUE (connector, object_type, object_id)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE sync_ledger`);
    await q.query(`DROP TABLE api_keys`);
    await q.query(`DROP TABLE audit_events`);
    await q.query(`DROP TABLE users`);
  }
}
