import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What the notifier has already acted on, per request and per submission: it compares the
 * approvals tables with these rows to find what is new (opened, reassigned, closed, decided).
 */
export class ApprovalNotificationState1764450000000 implements MigrationInterface {
  name = 'ApprovalNotificationState1764450000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE notified_requests (
        request_id uuid PRIMARY KEY REFERENCES approval_requests(id) ON DELETE CASCADE,
        quote_id uuid NOT NULL,
        status text NOT NULL,
        assignees uuid[] NOT NULL,
        opened_at timestamptz,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE notified_submissions (
        submission_id uuid PRIMARY KEY REFERENCES approval_submissions(id) ON DELETE CASCADE,
        quote_id uuid NOT NULL,
        outcome text NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`ALTER TABLE approval_links ADD CONSTRAINT approval_links_request FOREIGN KEY (request_id) REFERENCES approval_requests(id) ON DELETE CASCADE`);
    await q.query(`ALTER TABLE rule_notification_settings ADD CONSTRAINT rule_notification_settings_rule FOREIGN KEY (rule_id) REFERENCES approval_rules(id) ON DELETE CASCADE`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE rule_notification_settings DROP CONSTRAINT rule_notification_settings_rule`);
    await q.query(`ALTER TABLE approval_links DROP CONSTRAINT approval_links_request`);
    await q.query(`DROP TABLE notified_submissions`);
    await q.query(`DROP TABLE notified_requests`);
  }
}
