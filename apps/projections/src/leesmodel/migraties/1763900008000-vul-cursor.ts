import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A generation being built fills each gemeente stream by stream, a page per transaction: the
 * checkpoint row keeps how far (`vul_na`, the last stream id done) and up to which position
 * (`vul_tot`), moved with each page's rows, so an interrupted fill resumes exactly. Short
 * transactions matter: readers of the event store see only what is older than every running
 * transaction, so one long fill would hold back every reader.
 */
export class VulCursor1763900008000 implements MigrationInterface {
  name = 'VulCursor1763900008000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE rm_checkpoint ADD COLUMN vul_tot bigint, ADD COLUMN vul_na text`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE rm_checkpoint DROP COLUMN vul_na, DROP COLUMN vul_tot`);
  }
}
