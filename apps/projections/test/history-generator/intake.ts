/** The intake's commands in a client's script: the client itself and its aanmeldingen. */
import { VERWIJZERS } from '@sd/domain';
import type { Am, Casus, Registratie, Wet } from './casus.js';
import { bsnVoor } from './keuzes.js';

export function intakeCommandos({ seed, post, tel }: Registratie) {
  async function registreer(c: Casus): Promise<void> {
    const body = {
      bsn: bsnVoor(seed, c.nr),
      geboortedatum: c.geboortedatum,
      geslacht: c.geslacht,
      gemeente: c.gemeente,
      ...(c.huishoudenId ? { huishoudenId: c.huishoudenId } : {}),
    };
    c.clientId = (await post('intake', '/clienten', body)).clientId as string;
    tel('clienten');
  }

  async function aanmelden(c: Casus, wet: Wet, ontvangenOp: string): Promise<Am> {
    const body = {
      clientId: c.clientId,
      wet,
      ontvangenOp,
      ...(c.rng.chance(0.7) ? { verwijzer: c.rng.pick(VERWIJZERS) } : {}),
    };
    const am: Am = {
      id: (await post('intake', '/aanmeldingen', body)).aanmeldingId as string,
      wet,
      ontvangenOp,
      afgerond: false,
      ingetrokken: false,
    };
    c.am.push(am);
    tel('aanmeldingen');
    return am;
  }

  async function rondAf(am: Am, afgerondOp: string, uitkomst: string): Promise<void> {
    if (am.afgerond || am.ingetrokken || afgerondOp < am.ontvangenOp) throw new Error('generator: invalid afronding');
    await post('intake', `/aanmeldingen/${am.id}/afronding`, { afgerondOp, uitkomst });
    am.afgerond = true;
    tel('afrondingen');
  }

  async function trekAanmeldingIn(am: Am): Promise<void> {
    await post('intake', `/aanmeldingen/${am.id}/intrekking`, { reden: 'Aanmelding ten onrechte geregistreerd' });
    am.ingetrokken = true;
    tel('intrekkingen');
    tel('intrekkingen:aanmelding');
  }

  return { registreer, aanmelden, rondAf, trekAanmeldingIn };
}
