import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Approval notifications: calendar, templates, preferences, the in-app feed, email deliveries, one-tap links. */
export class Notifications1764350000000 implements MigrationInterface {
  name = 'Notifications1764350000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE business_calendar (
        id smallint PRIMARY KEY DEFAULT 1 CHECK (id = 1),
        time_zone text NOT NULL DEFAULT 'UTC',
        working_days smallint[] NOT NULL DEFAULT '{1,2,3,4,5}',
        start_time text NOT NULL DEFAULT '09:00',
        end_time text NOT NULL DEFAULT '17:00',
        holidays text[] NOT NULL DEFAULT '{}',
        updated_by uuid REFERENCES users(id),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1
      )`);
    await q.query(`INSERT INTO business_calendar (id) VALUES (1)`);
    await q.query(`
      CREATE TABLE notification_templates (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        rule_id uuid,
        event text NOT NULL CHECK (event IN ('request','approved','rejected','recalled')),
        subject text NOT NULL,
        html text NOT NULL,
        text text NOT NULL,
        updated_by uuid REFERENCES users(id),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1
      )`);
    await q.query(`CREATE UNIQUE INDEX notification_templates_scope ON notification_templates (coalesce(rule_id, '00000000-0000-0000-0000-000000000000'::uuid), event)`);
    await q.query(`
      CREATE TABLE notification_preferences (
        user_id uuid PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
        email_enabled boolean NOT NULL DEFAULT true,
        mode text NOT NULL DEFAULT 'immediate' CHECK (mode IN ('immediate','digest')),
        digest_every_hours smallint NOT NULL DEFAULT 4 CHECK (digest_every_hours BETWEEN 1 AND 24),
        quiet_start text,
        quiet_end text,
        time_zone text NOT NULL DEFAULT 'UTC',
        updated_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1,
        CHECK ((quiet_start IS NULL) = (quiet_end IS NULL))
      )`);
    await q.query(`
      CREATE TABLE notifications (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        kind text NOT NULL,
        title text NOT NULL,
        body text NOT NULL DEFAULT '',
        link text,
        quote_id uuid,
        request_id uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        read_at timestamptz
      )`);
    await q.query(`CREATE INDEX notifications_user_created ON notifications (user_id, created_at DESC)`);
    await q.query(`CREATE INDEX notifications_user_unread ON notifications (user_id) WHERE read_at IS NULL`);
    await q.query(`
      CREATE TABLE notification_deliveries (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        notification_id uuid NOT NULL REFERENCES notifications(id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        channel text NOT NULL DEFAULT 'email' CHECK (channel IN ('email')),
        mode text NOT NULL CHECK (mode IN ('immediate','digest')),
        status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending','sent','failed','skipped')),
        due_at timestamptz NOT NULL,
        to_address text NOT NULL,
        subject text NOT NULL,
        html text NOT NULL,
        text text NOT NULL,
        digest_item jsonb NOT NULL,
        attempts integer NOT NULL DEFAULT 0,
        message_id text,
        error text,
        sent_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX notification_deliveries_pending ON notification_deliveries (user_id, due_at) WHERE status = 'pending'`);
    await q.query(`
      CREATE TABLE approval_links (
        id uuid PRIMARY KEY,
        request_id uuid NOT NULL,
        assignee_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        expires_at timestamptz NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        used_at timestamptz,
        used_decision text CHECK (used_decision IN ('approve','reject')),
        used_ip text
      )`);
    await q.query(`CREATE INDEX approval_links_request ON approval_links (request_id)`);
    await q.query(`
      CREATE TABLE rule_notification_settings (
        rule_id uuid PRIMARY KEY,
        remind_after_business_hours numeric(8,2),
        escalate_after_business_hours numeric(8,2),
        escalate_to_user_id uuid REFERENCES users(id),
        chat_webhook_url text,
        updated_by uuid REFERENCES users(id),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['rule_notification_settings', 'approval_links', 'notification_deliveries', 'notifications', 'notification_preferences', 'notification_templates', 'business_calendar']) {
      await q.query(`DROP TABLE IF EXISTS ${table}`);
    }
  }
}
