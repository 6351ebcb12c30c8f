import { CliFout, type Opdracht } from '@sd/cli';
import { haal } from '../http.js';
import { type Stap, volg } from './dossier-stand.js';
import { leesOpties } from './opties.js';

const GEBRUIK = 'dossier <streamId> [--json]';
const STREAM_ID = /^[a-z]{3,32}-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** GET /audit/streams/{id} (apps/projections audit.controller.ts). */
interface AuditStream {
  streamId: string;
  streamType: string;
  gemeente: string;
  versie: number;
  events: {
    positie: number;
    streamVersie: number;
    eventId: string;
    type: string;
    schemaVersie: number;
    geregistreerdOp: string;
    actor: string;
    correlationId: string;
    causationId: string | null;
    data: Record<string, unknown>;
  }[];
}

const waarde = (v: unknown) => (typeof v === 'string' ? v : JSON.stringify(v));
const velden = (o: unknown) =>
  o !== null && typeof o === 'object'
    ? Object.entries(o)
        .map(([k, v]) => `${k}=${waarde(v)}`)
        .join(', ')
    : waarde(o);

/** `dossier <streamId> [--json]`: a case replayed, each event with who, when, and the state after it. */
export const dossier: Opdracht = async (args, ctx) => {
  const { values, positionals } = leesOpties(args, { json: { type: 'boolean' } }, GEBRUIK);
  if (positionals.length !== 1) throw new CliFout(2, `Verkeerd gebruik: geef één stream-id — ${GEBRUIK}.`);
  const [streamId] = positionals;
  if (!STREAM_ID.test(streamId))
    throw new CliFout(2, `${JSON.stringify(streamId)} is geen stream-id: de vorm is <soort>-<uuid>, zoals voorziening-6f1c1c1e-….`);

  const res = await haal(ctx, `/audit/streams/${streamId}`, `de stream ${streamId}`);
  const stream = (await res.json()) as AuditStream;
  const stappen: Stap[] = volg(stream.streamType, stream.events);
  const events = stream.events.map((e, i) => ({
    positie: e.positie,
    streamVersie: e.streamVersie,
    type: e.type,
    schemaVersie: e.schemaVersie,
    geregistreerdOp: e.geregistreerdOp,
    actor: e.actor,
    correlationId: e.correlationId,
    causationId: e.causationId,
    ...stappen[i],
  }));

  if (values.json) {
    ctx.uit(JSON.stringify({ streamId, streamType: stream.streamType, gemeente: stream.gemeente, versie: stream.versie, events }, null, 2));
    return 0;
  }
  ctx.uit(`Dossier ${streamId} (${stream.streamType}, ${stream.gemeente}, ${events.length} events)`);
  for (const e of events) {
    ctx.uit('');
    ctx.uit(`${e.streamVersie}. ${e.type} (schema ${e.schemaVersie}) — positie ${e.positie}`);
    ctx.uit(`   geregistreerd op ${e.geregistreerdOp} door ${e.actor} (correlatie ${e.correlationId})`);
    ctx.uit(`   gegevens:   ${velden(e.data)}`);
    ctx.uit(`   stand erna: ${e.standNa === null ? '(geen domeinregels voor dit soort stream)' : velden(e.standNa)}`);
    if (e.opmerking) ctx.uit(`   let op:     ${e.opmerking}`);
  }
  return 0;
};
