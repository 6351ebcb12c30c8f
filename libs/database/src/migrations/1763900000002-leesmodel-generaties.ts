import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Read models live in a schema per generation (blue/green): a rebuild fills a new generation
 * while the active one keeps serving, then the new one becomes active in one transaction.
 */
export class LeesmodelGeneraties1763900000002 implements MigrationInterface {
  name = 'LeesmodelGeneraties1763900000002';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE rm_generatie (
        nummer      integer PRIMARY KEY,
        schema_naam text NOT NULL UNIQUE,
        status      text NOT NULL CHECK (status IN ('bouwen', 'actief', 'oud')),
        gestart_op  timestamptz NOT NULL DEFAULT now(),
        actief_op   timestamptz
      )`);
    await q.query(`CREATE UNIQUE INDEX rm_generatie_een_actief ON rm_generatie (status) WHERE status = 'actief'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE rm_generatie`);
  }
}
