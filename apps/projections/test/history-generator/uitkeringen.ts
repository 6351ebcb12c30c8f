/** An uitkering's commands in a client's script: toekenning, beëindiging, correctie. */
import { INSTROOMREDENEN, UITSTROOMREDENEN } from '@sd/domain';
import type { Casus, Registratie, Uk } from './casus.js';
import { binnen, LAATSTE_DAG, maandeinde, min, plusDagen } from './kalender.js';
import { REGELINGEN } from './keuzes.js';

export function uitkeringCommandos({ post, tel }: Registratie) {
  async function kenUitkeringToe(c: Casus, ingangsdatum: string): Promise<Uk> {
    const rng = c.rng;
    const regeling = rng.weighted(REGELINGEN);
    const metBesluitdatum = rng.chance(0.7);
    const besluitdatum = metBesluitdatum ? binnen(plusDagen(ingangsdatum, rng.int(-20, 20))) : ingangsdatum;
    const body = {
      clientId: c.clientId,
      regeling,
      ingangsdatum,
      instroomreden: rng.pick(INSTROOMREDENEN),
      ...(metBesluitdatum ? { besluitdatum } : {}),
    };
    const uk: Uk = {
      soort: 'uitkering',
      id: (await post('voorzieningen', '/uitkeringen', body)).uitkeringId as string,
      besluitdatum,
      ingetrokken: false,
      regeling,
      ingangsdatum,
      einddatum: null,
      reden: null,
    };
    c.uk.push(uk);
    tel('uitkeringen');
    tel(`regeling:${regeling}`);
    return uk;
  }

  async function beeindigUitkering(c: Casus, uk: Uk): Promise<void> {
    if (uk.ingetrokken) return;
    const rng = c.rng;
    let einddatum = rng.datum(uk.ingangsdatum, min(plusDagen(uk.ingangsdatum, 500), LAATSTE_DAG));
    if (rng.chance(0.5)) einddatum = min(maandeinde(einddatum), LAATSTE_DAG);
    let uitstroomreden: string = rng.pick(UITSTROOMREDENEN);
    if (uk.reden === uitstroomreden && uk.einddatum === einddatum) uitstroomreden = uitstroomreden === 'werk' ? 'overig' : 'werk';
    const tweede = uk.reden !== null;
    await post('voorzieningen', `/uitkeringen/${uk.id}/beeindiging`, { einddatum, uitstroomreden });
    uk.einddatum = einddatum;
    uk.reden = uitstroomreden;
    tel(tweede ? 'beeindigingen:tweede' : 'beeindigingen');
  }

  async function corrigeerUitkering(c: Casus, uk: Uk): Promise<void> {
    if (uk.ingetrokken) return;
    const rng = c.rng;
    const wat = rng.weighted([
      ['einddatum', uk.einddatum === null ? 0 : 3],
      ['ingangsdatum', 3],
      ['regeling', 3],
    ] as const);
    const body: Record<string, unknown> = {};
    if (wat === 'ingangsdatum') {
      let ingang = binnen(plusDagen(uk.ingangsdatum, rng.pick([-1, 1]) * rng.int(1, 45)));
      if (uk.einddatum !== null && ingang > uk.einddatum) ingang = uk.einddatum;
      if (ingang === uk.ingangsdatum) return;
      body.ingangsdatum = ingang;
    } else if (wat === 'regeling') {
      body.regeling = rng.pick(REGELINGEN.map(([r]) => r).filter((r) => r !== uk.regeling));
    } else {
      // Only an ended uitkering may have its einddatum corrected: moved, or removed (undoing the beëindiging).
      const einde = rng.chance(0.4) ? null : rng.datum(uk.ingangsdatum, LAATSTE_DAG);
      if (einde === uk.einddatum) return;
      body.einddatum = einde;
    }
    await post('voorzieningen', `/uitkeringen/${uk.id}/correctie`, { ...body, reden: 'Verkeerd overgenomen uit het besluit' });
    if (body.ingangsdatum) uk.ingangsdatum = body.ingangsdatum as string;
    if (body.regeling) uk.regeling = body.regeling as string;
    if (body.einddatum !== undefined) {
      uk.einddatum = body.einddatum as string | null;
      if (uk.einddatum === null) uk.reden = null;
    }
    tel('correcties');
    tel(`correcties:uitkering:${wat}`);
  }

  return { kenUitkeringToe, beeindigUitkering, corrigeerUitkering };
}
