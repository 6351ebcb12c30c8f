import { Readable } from 'node:stream';
import { Controller, Get, Inject, Query, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiQuery, ApiTags } from '@nestjs/swagger';
import type pg from 'pg';
import type { Checkpoint } from '@sd/audit';
import { eisGemeente, Gebruiker, type Principal, Rollen } from '@sd/auth';
import { PG_POOL } from '@sd/database';
import { EVENT_STORE, type EventStore, RUWE_EVENT_STORE, type VersleutelendeEventStore } from '@sd/event-store';
import { invalidField, ongeldig } from '@sd/http';
import { auditExport } from './export/audit-export.js';
import { AuditCheckpoint, AuditSleutel } from './zegel.dto.js';
import { ZEGEL_CONFIG, type ZegelConfig } from './zegel/zegel.config.js';
import { ZegelOpslag } from './zegel/zegel-opslag.js';

const MAX_CHECKPOINTS = 1_000;
const GEMEENTE = /^GM\d{4}$/;

/** A whole number ≥ 0 from the query, or the default when absent; null when it is something else. */
function geheel(waarde: string | undefined, standaard: number): number | null {
  if (waarde === undefined || waarde === '') return standaard;
  return /^\d{1,15}$/.test(waarde) ? Number(waarde) : null;
}

/**
 * The sealed log for auditors (libs/audit): the signed checkpoints, the public key they verify
 * with, and the export an auditor recomputes the chain from. Personal fields leave only as digests.
 */
@ApiTags('audit')
@ApiBearerAuth()
@Controller('audit')
export class ZegelController {
  private readonly opslag: ZegelOpslag;

  constructor(
    @Inject(ZEGEL_CONFIG) private readonly config: ZegelConfig,
    @Inject(PG_POOL) private readonly pool: pg.Pool,
    @Inject(EVENT_STORE) private readonly store: VersleutelendeEventStore,
    @Inject(RUWE_EVENT_STORE) private readonly opgeslagen: EventStore,
  ) {
    this.opslag = new ZegelOpslag(pool);
  }

  @Get('checkpoints')
  @Rollen('auditor', 'beheer')
  @ApiOperation({ summary: 'Ondertekende checkpoints van de hash-keten, oplopend vanaf een positie' })
  @ApiQuery({ name: 'vanPositie', required: false, description: 'Vanaf deze positie (standaard 0)' })
  @ApiQuery({ name: 'limit', required: false, description: `Hoeveel (standaard 100, hoogstens ${MAX_CHECKPOINTS})` })
  @ApiOkResponse({ type: [AuditCheckpoint] })
  async checkpoints(@Query('vanPositie') vanPositie?: string, @Query('limit') limit?: string): Promise<Checkpoint[]> {
    const van = geheel(vanPositie, 0);
    const aantal = geheel(limit, 100);
    const fouten = [
      ...(van === null ? [invalidField('vanPositie', 'een geheel getal ≥ 0')] : []),
      ...(aantal === null || aantal < 1 || aantal > MAX_CHECKPOINTS
        ? [invalidField('limit', `een geheel getal van 1 tot en met ${MAX_CHECKPOINTS}`)]
        : []),
    ];
    if (fouten.length) throw ongeldig(fouten);
    return this.opslag.checkpoints({ vanPositie: van!, limit: aantal! });
  }

  @Get('sleutel')
  @Rollen('auditor', 'beheer')
  @ApiOperation({ summary: 'De publieke sleutel waarmee checkpoints verifiëren (bewaar een kopie buiten dit systeem)' })
  @ApiOkResponse({ type: AuditSleutel })
  sleutel(): AuditSleutel {
    return { sleutel: this.sleutelPem(), sleutelId: this.config.sleutelId, algoritme: 'Ed25519' };
  }

  @Get('export')
  @Rollen('auditor', 'beheer')
  @ApiOperation({
    summary:
      'NDJSON-export van de verzegelde log tot een positie: events van de gevraagde gemeenten, de schakels van de andere, de checkpoints',
  })
  @ApiProduces('application/x-ndjson')
  @ApiQuery({ name: 'totPositie', required: false, description: 'Tot en met deze positie (standaard en hoogstens: de laatst verzegelde)' })
  @ApiQuery({ name: 'gemeente', required: false, description: 'Komma-gescheiden; standaard de gemeenten van het token' })
  async export(
    @Gebruiker() gebruiker: Principal,
    @Query('totPositie') totPositie?: string,
    @Query('gemeente') gemeente?: string,
  ): Promise<StreamableFile> {
    const verzegeld = (await this.opslag.kop()).positie;
    const tot = geheel(totPositie, verzegeld);
    const gemeenten = gemeente ? [...new Set(gemeente.split(','))] : [...gebruiker.gemeenten];
    const fouten = [
      ...(tot === null ? [invalidField('totPositie', 'een geheel getal ≥ 0')] : []),
      ...(tot !== null && tot > verzegeld ? [invalidField('totPositie', `hoogstens de laatst verzegelde positie, ${verzegeld}`)] : []),
      ...(gemeenten.every((g) => GEMEENTE.test(g)) ? [] : [invalidField('gemeente', 'CBS-codes als GM0005, komma-gescheiden')]),
    ];
    if (fouten.length) throw ongeldig(fouten);
    for (const g of gemeenten) eisGemeente(gebruiker, g);
    const regels = auditExport(this.pool, this.opgeslagen, {
      gemeenten: gemeenten.sort(),
      totPositie: tot!,
      sleutelPem: this.sleutelPem(),
      ontsleutel: (events) => this.store.ontsleutel(events),
    });
    return new StreamableFile(Readable.from(regels), { type: 'application/x-ndjson; charset=utf-8' });
  }

  private sleutelPem(): string {
    return this.config.publiek.export({ type: 'spki', format: 'pem' }).toString();
  }
}
