import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A rebuild's progress is durable, so one interrupted by a crash is taken up again after a restart
 * instead of blocking every later one: the phase it is in (`vullen`, `indexen`, `wisselen`; null on
 * a generation no rebuild drives) and the events it had written by its last report. Generations
 * left `bouwen` by an older version were rebuilds too: they resume from the fill.
 */
export class HerbouwFase1763900000006 implements MigrationInterface {
  name = 'HerbouwFase1763900000006';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE rm_generatie
        ADD COLUMN fase     text CHECK (fase IN ('vullen', 'indexen', 'wisselen')),
        ADD COLUMN verwerkt bigint NOT NULL DEFAULT 0`);
    await q.query(`UPDATE rm_generatie SET fase = 'vullen' WHERE status = 'bouwen'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE rm_generatie DROP COLUMN verwerkt, DROP COLUMN fase`);
  }
}
