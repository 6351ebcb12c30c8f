import { Inject, Injectable } from '@nestjs/common';
import type pg from 'pg';
import { databaseConfigFromEnv, PG_POOL, quoteIdent, runMigrations } from '@sd/database';
import { LEESMODEL_MIGRATIES } from '../leesmodel/migraties/index.js';

export interface Generatie {
  nummer: number;
  schema: string;
  status: 'bouwen' | 'actief' | 'oud';
  /** The phase of the rebuild that drives a generation being built; null when none does (a test filling one by hand). */
  fase?: HerbouwFase | null;
}

/** A rebuild fills the new generation, builds its report indexes, then swaps it in. */
export type HerbouwFase = 'vullen' | 'indexen' | 'wisselen';

/** A generation a rebuild is building, as `rm_generatie` keeps it. */
export interface HerbouwGeneratie extends Generatie {
  fase: HerbouwFase;
  gestartOp: Date;
  /** Events written by the rebuild's last report of progress. */
  verwerkt: number;
}

/** Holding it makes a process the one that drives the rebuild; gone with the process's connection. */
export interface HerbouwSlot {
  laatLos(): Promise<void>;
}

/**
 * The read-model generations (blue/green). Reports read the active one; a rebuild fills a new
 * one from position 0 while the active one keeps serving, then swaps them in one transaction.
 */
@Injectable()
export class Generaties {
  private readonly hoofdschema = databaseConfigFromEnv().schema;

  constructor(@Inject(PG_POOL) private readonly pool: pg.Pool) {}

  async alle(): Promise<Generatie[]> {
    const { rows } = await this.pool.query<{ nummer: number; schema_naam: string; status: Generatie['status'] }>(
      `SELECT nummer, schema_naam, status FROM rm_generatie WHERE status <> 'oud' ORDER BY nummer`,
    );
    return rows.map((r) => ({ nummer: r.nummer, schema: r.schema_naam, status: r.status }));
  }

  async actief(): Promise<Generatie | null> {
    return (await this.alle()).find((g) => g.status === 'actief') ?? null;
  }

  /** Makes generation 1 when there is none yet (first start); safe when several instances start at once. */
  async zorgVoorActief(): Promise<Generatie> {
    const actief = (await this.actief()) ?? (await this.maak('actief'));
    await this.migreerBestaande();
    return actief;
  }

  /** Generations made by an older version get the read-model migrations added since. */
  private async migreerBestaande(): Promise<void> {
    const client = await this.pool.connect();
    try {
      // One instance at a time: several starting together must not run a migration twice.
      await client.query(`SELECT pg_advisory_lock(hashtext(current_schema() || '.rm_migraties'))`);
      for (const g of await this.alle()) await runMigrations({ ...databaseConfigFromEnv(), schema: g.schema }, LEESMODEL_MIGRATIES);
    } finally {
      await client.query(`SELECT pg_advisory_unlock(hashtext(current_schema() || '.rm_migraties'))`).catch(() => undefined);
      client.release();
    }
  }

  /** A new, empty generation that fills from position 0; with a phase when a rebuild drives it. */
  async nieuw(fase: HerbouwFase | null = null): Promise<Generatie> {
    return this.maak('bouwen', fase);
  }

  /** The (oldest) generation a rebuild is building, or null: this is what outlives a crash. */
  async herbouw(): Promise<HerbouwGeneratie | null> {
    const { rows } = await this.pool.query<{ nummer: number; schema_naam: string; fase: HerbouwFase; gestart_op: Date; verwerkt: string }>(
      `SELECT nummer, schema_naam, fase, gestart_op, verwerkt FROM rm_generatie
        WHERE status = 'bouwen' AND fase IS NOT NULL ORDER BY nummer LIMIT 1`,
    );
    const r = rows[0];
    return r
      ? { nummer: r.nummer, schema: r.schema_naam, status: 'bouwen', fase: r.fase, gestartOp: r.gestart_op, verwerkt: Number(r.verwerkt) }
      : null;
  }

  /** Records that the rebuild of `g` has reached `fase` (a no-op once it is swapped in). */
  async zetFase(g: Generatie, fase: HerbouwFase): Promise<void> {
    await this.pool.query(`UPDATE rm_generatie SET fase = $2 WHERE nummer = $1 AND status = 'bouwen'`, [g.nummer, fase]);
  }

  /** Records a rebuild's progress, so a restart (or another instance) can show where it stands. */
  async zetVerwerkt(g: Generatie, verwerkt: number): Promise<void> {
    await this.pool.query(`UPDATE rm_generatie SET verwerkt = greatest(verwerkt, $2) WHERE nummer = $1 AND status = 'bouwen'`, [
      g.nummer,
      verwerkt,
    ]);
  }

  /**
   * The right to drive a rebuild: a session advisory lock on a connection of its own, so it vanishes
   * when the process dies and another (or the restarted one) takes the rebuild up. Null: another has it.
   */
  async neemHerbouwSlot(): Promise<HerbouwSlot | null> {
    const client = await this.pool.connect();
    let kapot = false;
    // The lock goes with the connection; an error on a checked-out client must not crash the app.
    const opFout = () => (kapot = true);
    client.on('error', opFout);
    const geefTerug = () => {
      client.off('error', opFout);
      client.release(kapot);
    };
    const sleutel = `hashtext(current_schema() || '.herbouw')`;
    try {
      const { rows } = await client.query<{ ok: boolean }>(`SELECT pg_try_advisory_lock(${sleutel}) AS ok`);
      if (!rows[0]?.ok) {
        geefTerug();
        return null;
      }
    } catch (e) {
      kapot = true;
      geefTerug();
      throw e;
    }
    let los = false;
    return {
      laatLos: async () => {
        if (los) return;
        los = true;
        if (!kapot) await client.query(`SELECT pg_advisory_unlock(${sleutel})`).catch(() => (kapot = true));
        geefTerug();
      },
    };
  }

  private async maak(status: 'actief' | 'bouwen', fase: HerbouwFase | null = null): Promise<Generatie> {
    return this.inTransactie(async (client) => {
      await client.query(`SELECT pg_advisory_xact_lock(hashtext(current_schema() || '.rm_generatie'))`);
      if (status === 'actief') {
        const { rows } = await client.query<{ nummer: number; schema_naam: string }>(
          `SELECT nummer, schema_naam FROM rm_generatie WHERE status = 'actief'`,
        );
        if (rows[0]) return { nummer: rows[0].nummer, schema: rows[0].schema_naam, status: 'actief' };
      }
      const { rows } = await client.query<{ n: number }>(`SELECT coalesce(max(nummer), 0) + 1 AS n FROM rm_generatie`);
      const nummer = rows[0]?.n ?? 1;
      const schema = `${this.hoofdschema}_rm${nummer}`;
      quoteIdent(schema);
      await runMigrations({ ...databaseConfigFromEnv(), schema }, LEESMODEL_MIGRATIES);
      await client.query(
        `INSERT INTO rm_generatie (nummer, schema_naam, status, actief_op, fase) VALUES ($1, $2, $3, CASE WHEN $3 = 'actief' THEN now() END, $4)`,
        [nummer, schema, status, fase],
      );
      return { nummer, schema, status, fase };
    });
  }

  /**
   * Before a rebuild fills `g`: drops its report indexes (the non-unique ones; the projector needs
   * only the unique ones) and remembers them in `rm_uitgestelde_index`, in one transaction. Building
   * an index once over a full table is several times cheaper than keeping it up to date batch by batch.
   */
  async stelIndexenUit(g: Generatie): Promise<void> {
    await this.inTransactie(async (client) => {
      const { rows } = await client.query<{ naam: string; definitie: string }>(
        `SELECT c.relname AS naam, pg_get_indexdef(i.indexrelid) AS definitie
           FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_namespace n ON n.oid = c.relnamespace
          WHERE n.nspname = $1 AND NOT i.indisunique AND NOT i.indisprimary`,
        [g.schema],
      );
      const s = quoteIdent(g.schema);
      for (const r of rows) {
        await client.query(`INSERT INTO ${s}.rm_uitgestelde_index (naam, definitie) VALUES ($1, $2) ON CONFLICT DO NOTHING`, [
          r.naam,
          r.definitie,
        ]);
        await client.query(`DROP INDEX ${s}.${quoteIdent(r.naam)}`);
      }
    });
  }

  /**
   * After a rebuild caught up: builds the indexes `stelIndexenUit` dropped (each with the removal
   * of its row, so an interrupted build resumes; the row locked first, so two builders never build
   * the same one), then VACUUM ANALYZE, so the first reports on the new generation get statistics
   * and index-only scans. Two at a time: one build keeps one core busy.
   */
  async bouwIndexen(g: Generatie, voortgang: (stap: string) => void = () => {}): Promise<void> {
    const s = quoteIdent(g.schema);
    const { rows } = await this.pool.query<{ naam: string; definitie: string }>(
      `SELECT naam, definitie FROM ${s}.rm_uitgestelde_index ORDER BY naam`,
    );
    await tweeTegelijk(rows, async (r) => {
      voortgang(`index ${r.naam}`);
      await this.inTransactie(async (client) => {
        const { rowCount } = await client.query(`SELECT 1 FROM ${s}.rm_uitgestelde_index WHERE naam = $1 FOR UPDATE`, [r.naam]);
        if (!rowCount) return; // built meanwhile by another
        await client.query(`SET LOCAL maintenance_work_mem = '256MB'`);
        await client.query(r.definitie.replace(/^CREATE INDEX /, 'CREATE INDEX IF NOT EXISTS '));
        await client.query(`DELETE FROM ${s}.rm_uitgestelde_index WHERE naam = $1`, [r.naam]);
      });
    });
    voortgang('vacuum analyze');
    await tweeTegelijk(['rm_item', 'rm_aanmelding', 'rm_bezwaar', 'rm_client', 'rm_bevolking'], (t) =>
      this.pool.query(`VACUUM (ANALYZE) ${s}.${t}`),
    );
  }

  /**
   * Makes `nieuw` the active generation and drops the old ones; false when it is no longer being
   * built (another process swapped it in first), so two that try swap once.
   */
  async wissel(nieuw: Generatie): Promise<boolean> {
    const gewisseld = await this.inTransactie(async (client) => {
      await client.query(`SELECT pg_advisory_xact_lock(hashtext(current_schema() || '.rm_generatie'))`);
      const { rows } = await client.query(`SELECT 1 FROM rm_generatie WHERE nummer = $1 AND status = 'bouwen' FOR UPDATE`, [nieuw.nummer]);
      if (!rows[0]) return false;
      await client.query(`UPDATE rm_generatie SET status = 'oud', fase = NULL WHERE status = 'actief'`);
      await client.query(`UPDATE rm_generatie SET status = 'actief', actief_op = now(), fase = NULL WHERE nummer = $1`, [nieuw.nummer]);
      return true;
    });
    if (!gewisseld) return false;
    // Every old schema still there, also one a crash right after an earlier swap left behind.
    // Reports that started on an old generation finish first: DROP waits for their locks. Under
    // the lock an instance that starts takes to migrate the generations it finds
    // (migreerBestaande), so a schema never goes while it is being migrated.
    const client = await this.pool.connect();
    try {
      await client.query(`SELECT pg_advisory_lock(hashtext(current_schema() || '.rm_migraties'))`);
      const { rows: oud } = await client.query<{ schema_naam: string }>(
        `SELECT g.schema_naam FROM rm_generatie g JOIN pg_namespace n ON n.nspname = g.schema_naam WHERE g.status = 'oud'`,
      );
      for (const o of oud) await client.query(`DROP SCHEMA IF EXISTS ${quoteIdent(o.schema_naam)} CASCADE`);
    } finally {
      await client.query(`SELECT pg_advisory_unlock(hashtext(current_schema() || '.rm_migraties'))`).catch(() => undefined);
      client.release();
    }
    return true;
  }

  /** One transaction on a connection of its own. */
  private async inTransactie<T>(werk: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const uitkomst = await werk(client);
      await client.query('COMMIT');
      return uitkomst;
    } catch (e) {
      await client.query('ROLLBACK');
      throw e;
    } finally {
      client.release();
    }
  }
}

/** Runs `werk` over `taken` on two connections at once, in order of the list. */
async function tweeTegelijk<T>(taken: T[], werk: (taak: T) => Promise<unknown>): Promise<void> {
  const rij = [...taken];
  await Promise.all(
    [0, 1].map(async () => {
      for (let t = rij.shift(); t !== undefined; t = rij.shift()) await werk(t);
    }),
  );
}
