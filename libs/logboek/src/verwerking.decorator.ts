import { applyDecorators, SetMetadata, UseInterceptors } from '@nestjs/common';
import { WithHeaders } from '@sd/http';
import { type BetrokkeneResolver, VERWERKING_KEY, type VerwerkingMeta } from './verwerking-meta.js';
import { VerwerkingInterceptor } from './verwerking.interceptor.js';
import type { ActiviteitId } from './verwerkingsactiviteiten.js';

/**
 * Marks a route as a processing of a client's personal data: every request that reaches the
 * handler leaves one record in the processing log (libs/logboek), written after the handler
 * finished and before the answer is sent. See VerwerkingInterceptor for what fails how.
 *
 *   @Verwerking('inzien-dossier', { betrokkene: uitStream((p) => clientStreamId(p.id)) })
 *
 * The erasure endpoint (`POST /clienten/:id/vergeten`) takes `@Verwerking('vergeten-client', …)`.
 */
export const Verwerking = (activiteit: ActiviteitId, opties: { betrokkene: BetrokkeneResolver }) =>
  applyDecorators(
    SetMetadata(VERWERKING_KEY, { activiteit, betrokkene: opties.betrokkene } satisfies VerwerkingMeta),
    UseInterceptors(VerwerkingInterceptor),
  );

/** The subject is the client the first event of this stream names (a client stream names itself). */
export const uitStream =
  (streamId: (params: Record<string, string>) => string): BetrokkeneResolver =>
  ({ params }) => ({ stream: streamId(params) });

/**
 * The subject is the client the answer names in `idVeld` (a new registration), of the gemeente in
 * the request body (which the command handler has checked against the token by then). Only when
 * the handler answered: a failed registration made no client.
 */
export const uitAntwoord =
  (idVeld: string): BetrokkeneResolver =>
  ({ body }, antwoord) => {
    const inhoud = antwoord instanceof WithHeaders ? (antwoord.body as unknown) : antwoord;
    const clientId = tekst(inhoud, idVeld);
    const gemeente = tekst(body, 'gemeente');
    return clientId && gemeente ? { clientId, gemeente } : undefined;
  };

function tekst(o: unknown, veld: string): string | undefined {
  const waarde = typeof o === 'object' && o !== null ? (o as Record<string, unknown>)[veld] : undefined;
  return typeof waarde === 'string' ? waarde : undefined;
}
