import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The number of decimals a `decimal` custom field allows; null means any. */
export class DecimalFieldScale1764475000000 implements MigrationInterface {
  name = 'DecimalFieldScale1764475000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE field_definitions ADD COLUMN scale smallint CHECK (scale IS NULL OR (type = 'decimal' AND scale BETWEEN 0 AND 6))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE field_definitions DROP COLUMN scale`);
  }
}
