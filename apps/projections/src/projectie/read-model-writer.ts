import { Injectable } from '@nestjs/common';
import type pg from 'pg';
import { VERGETEN } from '@sd/contracts';
import type { RecordedEvent } from '@sd/event-store';
import { kopieer } from './copy-tekst.js';
import { ID_KOLOM, type ItemRij, type Projectie, type Tabel, teLaden, type Versie } from './projector.js';

/**
 * Reads and writes the read-model rows of one transaction (the caller's, with the generation's
 * schema on its search path): the projector's state of the streams a batch touches, then the new
 * versions (COPY) and the versions they close.
 */
@Injectable()
export class ReadModelWriter {
  /** The current state of every stream the batch touches, keyed as the projector expects. */
  async loadState(client: pg.PoolClient, batch: RecordedEvent[]): Promise<Map<string, object>> {
    const huidig = new Map<string, object>();
    const ids = teLaden(batch);
    for (const tabel of Object.keys(ids) as Tabel[]) {
      if (ids[tabel].length === 0) continue;
      const soort = tabel === 'rm_item' ? 'soort' : `'${tabel.slice(3)}'`;
      const { rows } = await client.query<{ id: string; soort: string; state: object }>(
        `SELECT ${ID_KOLOM[tabel]} AS id, ${soort} AS soort, state FROM ${tabel}
          WHERE ${ID_KOLOM[tabel]} = ANY($1::uuid[]) AND known_to IS NULL`,
        [ids[tabel]],
      );
      for (const r of rows) huidig.set(`${r.soort}-${r.id}`, r.state);
    }
    return huidig;
  }

  async write(client: pg.PoolClient, p: Projectie): Promise<void> {
    // The first registration of a client wins (a client stream has one event, but the read model
    // does not rely on it): an INSERT that can skip a conflict, which COPY cannot. Before the items,
    // which take their client's geslacht and geboortedatum from rm_client.
    if (p.clienten.length) {
      await client.query(
        `INSERT INTO rm_client SELECT * FROM jsonb_populate_recordset(NULL::rm_client, $1::jsonb) ON CONFLICT (client_id) DO NOTHING`,
        [JSON.stringify(p.clienten)],
      );
    }
    await metClientKenmerken(client, p.versies.rm_item as Versie<ItemRij>[]);
    for (const tabel of Object.keys(p.versies) as Tabel[]) {
      const gesloten = p.gesloten[tabel];
      if (gesloten.length) {
        await client.query(
          `UPDATE ${tabel} r SET known_to = c.known_to, state = NULL
             FROM unnest($1::uuid[], $2::timestamptz[]) AS c(id, known_to)
            WHERE r.${ID_KOLOM[tabel]} = c.id AND r.known_to IS NULL`,
          [gesloten.map((g) => g.id), gesloten.map((g) => g.knownTo)],
        );
      }
      await copyVersions(client, tabel, p.versies[tabel]);
    }
    if (p.vergeten.length) await vergeet(client, p.vergeten);
    for (const g of p.bevolkingGesloten) {
      await client.query(`UPDATE rm_bevolking SET known_to = $3 WHERE gemeente = $1 AND jaar = $2 AND known_to IS NULL`, [
        g.gemeente,
        g.jaar,
        g.knownTo,
      ]);
    }
    await copyVersions(client, 'rm_bevolking', p.bevolking);
  }
}

/**
 * Gives each item version its client's geslacht and geboortedatum (what the stand breaks down by),
 * read from rm_client in one statement per batch. A client of another gemeente, or none, leaves them
 * NULL: the stand counts such an item in its totals but not under age or geslacht, as it did when it
 * joined the clients.
 */
async function metClientKenmerken(client: pg.PoolClient, versies: Versie<ItemRij>[]): Promise<void> {
  if (versies.length === 0) return;
  const ids = [...new Set(versies.map((v) => v.rij.client_id))];
  const { rows } = await client.query<{ client_id: string; gemeente: string; geslacht: string; geboortedatum: string }>(
    `SELECT client_id, gemeente, geslacht, to_char(geboortedatum, 'YYYY-MM-DD') AS geboortedatum FROM rm_client WHERE client_id = ANY($1::uuid[])`,
    [ids],
  );
  const kenmerken = new Map(rows.map((r) => [r.client_id, r]));
  for (const v of versies) {
    const k = kenmerken.get(v.rij.client_id);
    const eigen = k?.gemeente === v.rij.gemeente;
    v.rij.geslacht = eigen ? k.geslacht : null;
    v.rij.geboortedatum = eigen ? k.geboortedatum : null;
  }
}

/**
 * New versions of one table: the row's own columns, then its transaction-time interval and position;
 * the versioned streams' tables also the state, kept on the current version only (the projector
 * evolves it further; a closed version never is).
 */
async function copyVersions(client: pg.PoolClient, tabel: Tabel | 'rm_bevolking', versies: Versie<object>[]): Promise<void> {
  if (versies.length === 0) return;
  const eigen = Object.keys(versies[0].rij);
  const metState = tabel !== 'rm_bevolking';
  const kolommen = [...eigen, 'known_from', 'known_to', 'positie', ...(metState ? ['state'] : [])];
  const rijen = versies.map((v) => {
    const rij = v.rij as Record<string, unknown>;
    const waarden = eigen.map((k) => rij[k]);
    waarden.push(v.knownFrom, v.knownTo, v.positie);
    if (metState) waarden.push(v.knownTo ? null : v.state);
    return waarden;
  });
  await kopieer(client, tabel, kolommen, rijen);
}

/**
 * A forgotten client's rows made what a rebuild makes of their events, whose personal fields then
 * read [vergeten]: geslacht `onbekend` (where the client was known), no geboortedatum, a household
 * of their own, and `[vergeten]` in the kept state of the current versions. In every version: a
 * report as known on an earlier kennisdatum no longer knows them either.
 */
async function vergeet(client: pg.PoolClient, clientIds: string[]): Promise<void> {
  const ids = [clientIds];
  await client.query(
    `UPDATE rm_client SET geslacht = 'onbekend', geboortedatum = NULL, huishouden_id = NULL WHERE client_id = ANY($1::uuid[])`,
    ids,
  );
  await client.query(
    `UPDATE rm_item SET huishouden = client_id, geboortedatum = NULL,
            geslacht = CASE WHEN geslacht IS NULL THEN NULL ELSE 'onbekend' END,
            state = CASE WHEN state ? 'huishoudenId' THEN jsonb_set(state, '{huishoudenId}', to_jsonb('${VERGETEN}'::text)) ELSE state END
      WHERE client_id = ANY($1::uuid[])`,
    ids,
  );
  await client.query(
    `UPDATE rm_aanmelding SET state = jsonb_set(state, '{huishoudenId}', to_jsonb('${VERGETEN}'::text))
      WHERE client_id = ANY($1::uuid[]) AND state ? 'huishoudenId'`,
    ids,
  );
}
