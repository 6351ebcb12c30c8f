import { Controller, Get, Inject, NotFoundException, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { Temporal } from 'temporal-polyfill';
import { eisGemeente, Gebruiker, type Principal, Rollen } from '@sd/auth';
import { clientStreamId, TIJDZONE } from '@sd/domain';
import { EVENT_STORE, type EventStore } from '@sd/event-store';
import { type InvalidField, invalidField, kennisdatumInstant, ongeldig } from '@sd/http';
import { activiteitUri, alsLogregel, LogboekOpslag, VERWERKINGSACTIVITEITEN } from '@sd/logboek';
import { VerwerkingenPagina, VerwerkingsactiviteitDto } from './verwerkingen.dto.js';

const MAX_LIMIT = 1_000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The processing log per client (libs/logboek), for the privacy officer answering an
 * inzageverzoek and for the auditor: who did what with the client's data, when, and why.
 * Only for a client of the token's gemeenten (403 otherwise, never an empty list).
 */
@ApiTags('privacy')
@ApiBearerAuth()
@Controller('verwerkingen')
export class VerwerkingenController {
  constructor(
    private readonly logboek: LogboekOpslag,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  @Get()
  @Rollen('privacy', 'auditor')
  @ApiOperation({ summary: 'De verwerkingen van de persoonsgegevens van één cliënt (Logboek Dataverwerkingen), oudste eerst' })
  @ApiQuery({ name: 'clientId', required: true })
  @ApiQuery({ name: 'van', required: false, description: 'Vanaf (datum JJJJ-MM-DD: het begin van die dag, of een tijdstip met zone)' })
  @ApiQuery({ name: 'tot', required: false, description: 'Tot en met (datum: het einde van die dag, of een tijdstip met zone)' })
  @ApiQuery({ name: 'limit', required: false, description: `Hoeveel (standaard 100, hoogstens ${MAX_LIMIT})` })
  @ApiQuery({ name: 'na', required: false, description: 'De `volgende` van de vorige pagina' })
  @ApiOkResponse({ type: VerwerkingenPagina })
  async verwerkingen(@Query() query: Record<string, unknown>, @Gebruiker() gebruiker: Principal): Promise<VerwerkingenPagina> {
    const vraag = leesVraag(query);
    const [eerste] = await this.store.readStream(clientStreamId(vraag.clientId));
    if (!eerste) throw new NotFoundException(`Cliënt ${vraag.clientId} bestaat niet.`);
    eisGemeente(gebruiker, eerste.gemeente);
    const pagina = await this.logboek.lees({ ...vraag, gemeenten: gebruiker.gemeenten });
    return {
      clientId: vraag.clientId,
      verwerkingen: pagina.verwerkingen.map(alsLogregel),
      volgende: pagina.volgende === null ? null : String(pagina.volgende),
    };
  }

  /** The register the records' `dpl.core.processing_activity_id` refers to. */
  @Get('activiteiten')
  @Rollen('privacy', 'auditor')
  @ApiOperation({ summary: 'Het register van verwerkingsactiviteiten: naam, doel en grondslag per activiteit' })
  @ApiOkResponse({ type: [VerwerkingsactiviteitDto] })
  activiteiten(): VerwerkingsactiviteitDto[] {
    return Object.entries(VERWERKINGSACTIVITEITEN).map(([id, a]) => ({
      id: activiteitUri(id as keyof typeof VERWERKINGSACTIVITEITEN),
      ...a,
    }));
  }
}

interface Vraag {
  clientId: string;
  van?: Date;
  tot?: Date;
  limit: number;
  na?: number;
}

/** The query, each field checked on its own: a 400 names every wrong one. */
export function leesVraag(query: Record<string, unknown>): Vraag {
  const fouten: InvalidField[] = [];
  const tekst = (naam: string): string | undefined => {
    const waarde = query[naam];
    if (waarde === undefined || waarde === '') return undefined;
    if (typeof waarde === 'string') return waarde;
    fouten.push(invalidField(naam, 'één waarde'));
    return undefined;
  };
  const clientId = tekst('clientId');
  if (clientId === undefined || !UUID.test(clientId)) fouten.push(invalidField('clientId', 'verplicht: de uuid van een cliënt'));
  const tijdstip = (naam: string, datum: (d: string) => Date | null): Date | undefined => {
    const waarde = tekst(naam);
    if (waarde === undefined) return undefined;
    const t = datum(waarde);
    if (t === null) fouten.push(invalidField(naam, 'een datum JJJJ-MM-DD of een tijdstip met zone (2026-12-01T09:30:00Z)'));
    return t ?? undefined;
  };
  const van = tijdstip('van', beginVan);
  const tot = tijdstip('tot', kennisdatumInstant);
  if (van && tot && van > tot) fouten.push(invalidField('tot', 'ligt voor van'));
  const limitTekst = tekst('limit');
  const limit = limitTekst === undefined ? 100 : /^\d{1,4}$/.test(limitTekst) ? Number(limitTekst) : NaN;
  if (!(limit >= 1 && limit <= MAX_LIMIT)) fouten.push(invalidField('limit', `een geheel getal van 1 tot en met ${MAX_LIMIT}`));
  const naTekst = tekst('na');
  if (naTekst !== undefined && !/^\d{1,15}$/.test(naTekst)) fouten.push(invalidField('na', 'de waarde van volgende uit de vorige pagina'));
  if (fouten.length) throw ongeldig(fouten);
  return {
    clientId: clientId!.toLowerCase(),
    ...(van ? { van } : {}),
    ...(tot ? { tot } : {}),
    limit,
    ...(naTekst !== undefined ? { na: Number(naTekst) } : {}),
  };
}

/** `van`: a date means the start of that day in Europe/Amsterdam; an instant is itself. */
function beginVan(waarde: string): Date | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(waarde)) return kennisdatumInstant(waarde);
  try {
    const dag = Temporal.PlainDate.from(waarde, { overflow: 'reject' });
    return new Date(dag.toZonedDateTime({ timeZone: TIJDZONE }).epochMilliseconds);
  } catch {
    return null;
  }
}
