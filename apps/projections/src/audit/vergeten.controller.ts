import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProperty, ApiQuery, ApiTags } from '@nestjs/swagger';
import { eisGemeente, Gebruiker, type Principal, Rollen } from '@sd/auth';
import { type EventStore, leesAlles, RUWE_EVENT_STORE } from '@sd/event-store';
import { invalidField, ongeldig } from '@sd/http';

const GEMEENTE = /^GM\d{4}$/;

export class VergetenNaPositie {
  @ApiProperty() naPositie!: number;
  @ApiProperty({ type: [String] }) gemeenten!: string[];
  @ApiProperty({ description: 'Cliënten van deze gemeenten vergeten na die positie' }) aantal!: number;
}

/**
 * How many clients were forgotten after a position: what `reproduceer` tells an auditor when a
 * published report's breakdowns by geslacht, age or household no longer come out the same. Counts
 * only: which clients is nobody's business after their erasure.
 */
@ApiTags('audit')
@ApiBearerAuth()
@Controller('audit/vergeten')
export class VergetenController {
  constructor(@Inject(RUWE_EVENT_STORE) private readonly store: EventStore) {}

  @Get()
  @Rollen('auditor', 'beheer')
  @ApiOperation({ summary: 'Het aantal cliënten dat na een positie is vergeten' })
  @ApiQuery({ name: 'naPositie', example: 1200 })
  @ApiQuery({ name: 'gemeente', example: 'GM0005,GM0006', required: false })
  @ApiOkResponse({ type: VergetenNaPositie })
  async aantal(@Query() q: Record<string, unknown>, @Gebruiker() gebruiker: Principal): Promise<VergetenNaPositie> {
    const naPositie = typeof q.naPositie === 'string' && /^\d{1,15}$/.test(q.naPositie) ? Number(q.naPositie) : null;
    const gemeenten = typeof q.gemeente === 'string' ? q.gemeente.split(',') : [...gebruiker.gemeenten];
    const fouten = [
      ...(naPositie === null ? [invalidField('naPositie', 'een positie: een geheel getal van 0 of meer')] : []),
      ...(gemeenten.every((g) => GEMEENTE.test(g)) ? [] : [invalidField('gemeente', 'CBS-codes als GM0005, komma-gescheiden')]),
    ];
    if (fouten.length) throw ongeldig(fouten);
    for (const g of gemeenten) eisGemeente(gebruiker, g);
    let aantal = 0;
    for await (const e of leesAlles(this.store, { after: naPositie!, types: ['ClientVergeten'] }))
      if (gemeenten.includes(e.gemeente)) aantal++;
    return { naPositie: naPositie!, gemeenten: gemeenten.sort(), aantal };
  }
}
