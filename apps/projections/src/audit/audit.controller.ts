import { Controller, Get, Inject, NotFoundException, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { eisGemeente, Gebruiker, type Principal, Rollen } from '@sd/auth';
import { persoonlijkeVeldenVan, VERGETEN } from '@sd/contracts';
import { EVENT_STORE, type EventStore, type RecordedEvent } from '@sd/event-store';
import { invalidField, PROBLEM_TYPES, ProblemException } from '@sd/http';
import { uitStream, Verwerking } from '@sd/logboek';
import { AuditStream } from './audit.dto.js';

const STREAM_ID = /^[a-z]{3,32}-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * Replays a stream as it was recorded, for auditors. The BSN, geboortedatum and typed text show as
 * `[afgeschermd]`: an audit needs to see that they were registered and by whom, not the values.
 */
@ApiTags('audit')
@ApiBearerAuth()
@Controller('audit')
export class AuditController {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  @Get('streams/:streamId')
  @Rollen('auditor', 'beheer')
  @Verwerking('inzien-auditstream', { betrokkene: uitStream((p) => p.streamId) })
  @ApiOperation({ summary: 'Alle events van een stream met positie, registratietijd en actor' })
  @ApiParam({ name: 'streamId', example: 'voorziening-6f1c1c1e-58a5-4d52-9a57-2b3d2c1f7a10' })
  @ApiOkResponse({ type: AuditStream })
  async stream(@Param('streamId') streamId: string, @Gebruiker() gebruiker: Principal): Promise<AuditStream> {
    if (!STREAM_ID.test(streamId)) {
      throw new ProblemException({
        type: PROBLEM_TYPES.ongeldigeInvoer,
        title: 'Ongeldige invoer',
        status: 400,
        detail: 'streamId heeft de vorm <soort>-<uuid>, bijvoorbeeld voorziening-6f1c…',
        errors: [invalidField('streamId', 'geen geldige stream-id')],
      });
    }
    const events = await this.store.readStream(streamId);
    if (events.length === 0) throw new NotFoundException(`Stream ${streamId} bestaat niet.`);
    eisGemeente(gebruiker, events[0].gemeente);
    return {
      streamId,
      streamType: events[0].streamType,
      gemeente: events[0].gemeente,
      versie: events.length,
      events: events.map(toAuditEvent),
    };
  }
}

function toAuditEvent(e: RecordedEvent) {
  return {
    positie: e.globalPosition,
    streamVersie: e.streamVersion,
    eventId: e.eventId,
    type: e.type,
    schemaVersie: e.schemaVersion,
    geregistreerdOp: e.recordedAt.toISOString(),
    actor: e.actorId,
    correlationId: e.correlationId,
    causationId: e.causationId,
    data: afgeschermd(e.type, e.data),
  };
}

/**
 * The hidden personal fields (BSN, geboortedatum, typed text) never reach an auditor: each reads
 * `[afgeschermd]`, or `[vergeten]` once its client is forgotten. The revealed ones (geslacht,
 * huishouden) stay, as in the audit export.
 */
function afgeschermd(type: string, data: Record<string, unknown>): Record<string, unknown> {
  const uit = { ...data };
  for (const veld of persoonlijkeVeldenVan(type).verborgen) if (veld in uit && uit[veld] !== VERGETEN) uit[veld] = '[afgeschermd]';
  return uit;
}
