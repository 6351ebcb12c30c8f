import { type Bewaartermijnen } from '@sd/domain';
import { quoteIdent, sleutelkluisSchema } from '@sd/database';
import type { Q } from '../rapportages/sql.js';

/** One client past their term: never a BSN, birth date or any other personal attribute. */
export interface VerlopenClient {
  clientId: string;
  /** The end date of the item whose term ends last. */
  laatsteEinde: string;
  /** That item's wet. */
  wet: string;
  /** The last day of the client's term. */
  verlooptOp: string;
}

export interface VerlopenPagina {
  /** Every client past their term on the peildatum, not only this page. */
  aantal: number;
  clienten: VerlopenClient[];
}

/** Where a page starts: after this (verlooptOp, clientId), the order of the list. */
export interface Cursor {
  verlooptOp: string;
  clientId: string;
}

/**
 * The clients of a gemeente whose bewaartermijn has passed on the peildatum, in one statement over
 * the current rows of the active generation's read models (the caller sets search_path to it), the
 * same rule as bewaartermijnEinde in @sd/domain: per client the item whose end plus its wet's term
 * lies last (ties: the later end, then the wet code); a client with any item still open (no end)
 * has no expiry; withdrawn registrations do not count. A bezwaar's client is in its current state
 * (rm_bezwaar keeps no client column; the state of a current row is always there).
 *
 * Clients already erased are left out: their key is destroyed in the key store (next to the events
 * in `eventSchema`, whichever event store holds them), whatever the read models keep of them. An
 * erasure cut off before its key went is listed once more, and a rerun completes it. The NOT EXISTS
 * runs only for the clients whose term passed, through the key store's primary key.
 */
export async function verlopenClienten(
  db: Q,
  vraag: { gemeente: string; peildatum: string; termijnen: Bewaartermijnen; na: Cursor | null; limit: number; eventSchema: string },
): Promise<VerlopenPagina> {
  const langste = Math.max(...Object.values(vraag.termijnen));
  const { rows } = await db.query<{ client_id: string | null; einde: string; wet: string; verloopt_op: string; aantal: string }>(
    `WITH einden AS (
       SELECT client_id, wet, einddatum AS einde FROM rm_item
        WHERE known_to IS NULL AND NOT ingetrokken AND gemeente = $1
       UNION ALL
       SELECT client_id, wet, afgerond_op FROM rm_aanmelding
        WHERE known_to IS NULL AND NOT ingetrokken AND gemeente = $1
       UNION ALL
       SELECT (state->>'clientId')::uuid, wet, afgehandeld_op FROM rm_bezwaar
        WHERE known_to IS NULL AND NOT ingetrokken AND gemeente = $1
     ), per_item AS (
       SELECT client_id, wet, einde,
              (einde + make_interval(years => coalesce(($2::jsonb ->> wet)::int, $3::int)))::date AS verloopt_op
         FROM einden
     ), per_client AS (
       SELECT DISTINCT ON (client_id) client_id, wet, einde, verloopt_op,
              bool_or(einde IS NULL) OVER (PARTITION BY client_id) AS lopend
         FROM per_item
        ORDER BY client_id, verloopt_op DESC NULLS FIRST, einde DESC, wet
     ), verlopen AS MATERIALIZED (
       SELECT client_id, wet, einde, verloopt_op FROM per_client p
        WHERE NOT lopend AND verloopt_op < $4::date
          AND NOT EXISTS (SELECT 1 FROM ${quoteIdent(sleutelkluisSchema(vraag.eventSchema))}.client_sleutel s
                           WHERE s.client_id = p.client_id AND s.sleutel IS NULL)
     )
     SELECT pagina.client_id, to_char(pagina.einde, 'YYYY-MM-DD') AS einde, pagina.wet,
            to_char(pagina.verloopt_op, 'YYYY-MM-DD') AS verloopt_op, totaal.aantal
       FROM (SELECT count(*) AS aantal FROM verlopen) totaal
       LEFT JOIN LATERAL (
         SELECT * FROM verlopen
          WHERE $5::date IS NULL OR (verloopt_op, client_id) > ($5::date, $6::uuid)
          ORDER BY verloopt_op, client_id
          LIMIT $7
       ) pagina ON true`,
    [
      vraag.gemeente,
      JSON.stringify(vraag.termijnen),
      langste,
      vraag.peildatum,
      vraag.na?.verlooptOp ?? null,
      vraag.na?.clientId ?? null,
      vraag.limit,
    ],
  );
  return {
    aantal: Number(rows[0]?.aantal ?? 0),
    clienten: rows
      .filter((r) => r.client_id !== null)
      .map((r) => ({ clientId: r.client_id!, laatsteEinde: r.einde, wet: r.wet, verlooptOp: r.verloopt_op })),
  };
}
