import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Directory (managers, groups), approval variables and rules, versioned rule sets, delegations. */
export class ApprovalConfiguration1764320000000 implements MigrationInterface {
  name = 'ApprovalConfiguration1764320000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE users ADD COLUMN manager_id uuid REFERENCES users(id) ON DELETE SET NULL`);
    await q.query(`ALTER TABLE users ADD CONSTRAINT users_not_own_manager CHECK (manager_id IS NULL OR manager_id <> id)`);
    await q.query(`
      CREATE TABLE user_groups (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL,
        description text NOT NULL DEFAULT '',
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1
      )`);
    await q.query(`CREATE UNIQUE INDEX user_groups_name_unique ON user_groups (lower(name))`);
    await q.query(`
      CREATE TABLE user_group_members (
        group_id uuid NOT NULL REFERENCES user_groups(id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users(id),
        PRIMARY KEY (group_id, user_id)
      )`);
    await q.query(`CREATE INDEX user_group_members_user ON user_group_members (user_id)`);
    await q.query(`
      CREATE TABLE approval_variables (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL UNIQUE,
        description text NOT NULL DEFAULT '',
        function text NOT NULL CHECK (function IN ('sum','avg','min','max','count','discount')),
        field text,
        filters jsonb NOT NULL DEFAULT '[]',
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1
      )`);
    await q.query(`
      CREATE TABLE approval_rules (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL,
        description text NOT NULL DEFAULT '',
        chain text,
        step integer NOT NULL CHECK (step >= 1),
        approver jsonb NOT NULL,
        conditions_met text NOT NULL CHECK (conditions_met IN ('all','any','custom')),
        logic text,
        conditions jsonb NOT NULL DEFAULT '[]',
        effective_from date,
        effective_to date,
        reevaluate_smart_individually boolean NOT NULL DEFAULT false,
        active boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1,
        CONSTRAINT approval_rules_window CHECK (effective_from IS NULL OR effective_to IS NULL OR effective_from <= effective_to)
      )`);
    await q.query(`CREATE INDEX approval_rules_step ON approval_rules (step)`);
    await q.query(`
      CREATE TABLE approval_rule_sets (
        version integer PRIMARY KEY,
        created_at timestamptz NOT NULL DEFAULT now(),
        created_by uuid,
        reason text NOT NULL,
        rules jsonb NOT NULL,
        variables jsonb NOT NULL
      )`);
    await q.query(`INSERT INTO approval_rule_sets (version, reason, rules, variables) VALUES (1, 'empty rule set', '[]', '[]')`);
    await q.query(`
      CREATE TABLE delegations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        approver_id uuid NOT NULL REFERENCES users(id),
        delegate_id uuid NOT NULL REFERENCES users(id),
        starts_on date NOT NULL,
        ends_on date NOT NULL,
        note text NOT NULL DEFAULT '',
        created_by uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT delegations_not_self CHECK (approver_id <> delegate_id),
        CONSTRAINT delegations_window CHECK (starts_on <= ends_on)
      )`);
    await q.query(`CREATE INDEX delegations_approver ON delegations (approver_id, ends_on)`);
    await q.query(`CREATE INDEX delegations_delegate ON delegations (delegate_id, ends_on)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE delegations`);
    await q.query(`DROP TABLE approval_rule_sets`);
    await q.query(`DROP TABLE approval_rules`);
    await q.query(`DROP TABLE approval_variables`);
    await q.query(`DROP TABLE user_group_members`);
    await q.query(`DROP TABLE user_groups`);
    await q.query(`ALTER TABLE users DROP COLUMN manager_id`);
  }
}
