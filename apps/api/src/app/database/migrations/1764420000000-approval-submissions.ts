import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Submissions of quotes for approval: requests with assignees, decisions, smart snapshots, history. */
export class ApprovalSubmissions1764420000000 implements MigrationInterface {
  name = 'ApprovalSubmissions1764420000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE approval_submissions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        quote_id uuid NOT NULL REFERENCES quotes(id) ON DELETE CASCADE,
        sequence integer NOT NULL,
        rule_set_version integer NOT NULL REFERENCES approval_rule_sets(version),
        submitted_by uuid,
        submitted_on date NOT NULL,
        submitted_at timestamptz NOT NULL DEFAULT now(),
        outcome text NOT NULL CHECK (outcome IN ('pending','approved','rejected','recalled','voided')),
        auto_approved uuid[] NOT NULL DEFAULT '{}',
        quote_snapshot jsonb NOT NULL,
        plan jsonb NOT NULL,
        closed_at timestamptz,
        CONSTRAINT approval_submissions_sequence UNIQUE (quote_id, sequence)
      )`);
    await q.query(`CREATE INDEX approval_submissions_submitted ON approval_submissions (submitted_at DESC)`);
    await q.query(`
      CREATE TABLE approval_requests (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        submission_id uuid NOT NULL REFERENCES approval_submissions(id) ON DELETE CASCADE,
        quote_id uuid NOT NULL REFERENCES quotes(id) ON DELETE CASCADE,
        rule_id uuid NOT NULL,
        rule_name text NOT NULL,
        step integer NOT NULL,
        status text NOT NULL CHECK (status IN ('waiting','open','approved','rejected','cancelled')),
        mode jsonb NOT NULL,
        approvers uuid[] NOT NULL DEFAULT '{}',
        delegates jsonb NOT NULL DEFAULT '[]',
        assignees uuid[] NOT NULL DEFAULT '{}',
        opened_on date,
        closed_on date,
        opened_at timestamptz,
        closed_at timestamptz,
        version integer NOT NULL DEFAULT 1,
        CONSTRAINT approval_requests_rule UNIQUE (submission_id, rule_id)
      )`);
    await q.query(`CREATE INDEX approval_requests_open_assignees ON approval_requests USING gin (assignees) WHERE status = 'open'`);
    await q.query(`CREATE INDEX approval_requests_quote ON approval_requests (quote_id)`);
    await q.query(`
      CREATE TABLE approval_decisions (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        request_id uuid NOT NULL REFERENCES approval_requests(id) ON DELETE CASCADE,
        actor_id uuid NOT NULL,
        on_behalf_of uuid[] NOT NULL,
        decision text NOT NULL CHECK (decision IN ('approve','reject')),
        comment text,
        decided_on date NOT NULL,
        at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX approval_decisions_request ON approval_decisions (request_id, id)`);
    await q.query(`
      CREATE TABLE approval_snapshots (
        quote_id uuid NOT NULL REFERENCES quotes(id) ON DELETE CASCADE,
        rule_id uuid NOT NULL,
        values jsonb NOT NULL,
        taken_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (quote_id, rule_id)
      )`);
    await q.query(`
      CREATE TABLE approval_history (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        quote_id uuid NOT NULL REFERENCES quotes(id) ON DELETE CASCADE,
        submission_id uuid,
        at timestamptz NOT NULL DEFAULT now(),
        actor_id uuid,
        on_behalf_of uuid[] NOT NULL DEFAULT '{}',
        action text NOT NULL,
        rule_id uuid,
        rule_name text,
        comment text,
        detail text,
        rule_set_version integer
      )`);
    await q.query(`CREATE INDEX approval_history_quote ON approval_history (quote_id, id)`);
    // Append-only: history rows are never changed or removed (except with their quote).
    await q.query(`
      CREATE FUNCTION approval_history_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'approval_history is append-only'; END $$`);
    await q.query(`CREATE TRIGGER approval_history_no_update BEFORE UPDATE ON approval_history FOR EACH ROW EXECUTE FUNCTION approval_history_append_only()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE approval_history`);
    await q.query(`DROP FUNCTION approval_history_append_only()`);
    await q.query(`DROP TABLE approval_snapshots`);
    await q.query(`DROP TABLE approval_decisions`);
    await q.query(`DROP TABLE approval_requests`);
    await q.query(`DROP TABLE approval_submissions`);
  }
}
