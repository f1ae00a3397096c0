import type { MigrationInterface, QueryRunner } from 'typeorm';

/** A CRM's own id for an imported quote: importing the same one twice is refused with 409. */
export class QuoteImport1764476000000 implements MigrationInterface {
  name = 'QuoteImport1764476000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE quotes ADD COLUMN external_id text CHECK (external_id IS NULL OR length(external_id) BETWEEN 1 AND 200)`);
    await q.query(`CREATE UNIQUE INDEX quotes_external_id ON quotes (external_id) WHERE external_id IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX quotes_external_id`);
    await q.query(`ALTER TABLE quotes DROP COLUMN external_id`);
  }
}
