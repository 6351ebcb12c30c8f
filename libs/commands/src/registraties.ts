import { AANMELDING, AFWIJZING, BEZWAAR, UITKERING, VOORZIENING } from './aggregates.js';
import { registratie } from './registratie.controller.js';

/** Withdraws a registration made in error: each kind has its own command type, all with a reden. */
const trekIn =
  <T extends string>(type: T) =>
  (reden: string) => ({ type, reden });

// How the API names each kind of registration: its path (the @Controller path of its controller), the id
// member of a new one, its intrekking.
export const AANMELDINGEN = registratie(AANMELDING, 'aanmeldingen', 'aanmeldingId', trekIn('TrekAanmeldingIn'));
export const VOORZIENINGEN = registratie(VOORZIENING, 'voorzieningen', 'voorzieningId', trekIn('TrekVoorzieningIn'));
export const UITKERINGEN = registratie(UITKERING, 'uitkeringen', 'uitkeringId', trekIn('TrekUitkeringIn'));
export const AFWIJZINGEN = registratie(AFWIJZING, 'afwijzingen', 'afwijzingId', trekIn('TrekAfwijzingIn'));
export const BEZWAREN = registratie(BEZWAAR, 'bezwaren', 'bezwaarId', trekIn('TrekBezwaarIn'));
