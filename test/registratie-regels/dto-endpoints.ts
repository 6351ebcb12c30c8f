/**
 * The DTO level of the registration rules: every field of every POST body (ENDPOINTS), the wrong
 * values per kind of field (FOUT), and the cases made of them (gevallen).
 */
import type { Casus } from '../helpers.js';

export interface Ids {
  clientId: string;
  aanmeldingId: string;
  voorzieningId: string;
  uitkeringId: string;
  afwijzingId: string;
  bezwaarId: string;
}

/** One of each registration, of GM0005, in states where every follow-up command is allowed. */
export async function maakIds(casus: Casus): Promise<Ids> {
  const clientId = await casus.client();
  const aanmeldingId = await casus.aanmelding(clientId, { ontvangenOp: '2024-01-10' });
  const voorzieningId = await casus.voorziening({ clientId, besluitdatum: '2024-01-15', ingangsdatum: '2024-02-01' });
  const uitkeringId = await casus.uitkering({ clientId, ingangsdatum: '2024-02-01' });
  const afwijzingId = await casus.afwijzing({ clientId, besluitdatum: '2024-01-15' });
  const bezwaarId = await casus.bezwaar(voorzieningId, { ontvangenOp: '2024-02-01' });
  return { clientId, aanmeldingId, voorzieningId, uitkeringId, afwijzingId, bezwaarId };
}

export type Soort =
  'datum' | 'datumVerleden' | 'code' | 'uuid' | 'tekst' | 'naam' | 'productcategorie' | 'boolean' | 'gemeente' | 'vrijeCode';
export interface Veld {
  naam: string;
  soort: Soort;
  verplicht: boolean;
  /** `null` is a meaningful value (correctie: remove the einddatum). */
  nullable?: boolean;
}
export interface Endpoint {
  naam: string;
  app: 'intake' | 'vz';
  /** The resource the path names (`:id`), if any. */
  resource?: keyof Ids;
  pad: (id: string) => string;
  body: (ids: Ids) => Record<string, unknown>;
  velden: Veld[];
  rol?: 'beheer';
  status: number;
}

const v = (naam: string, soort: Soort, verplicht = true, nullable = false): Veld => ({ naam, soort, verplicht, nullable });
let codeTeller = 0;

export const ENDPOINTS: Endpoint[] = [
  {
    naam: 'POST /aanmeldingen',
    app: 'intake',
    pad: () => '/aanmeldingen',
    status: 201,
    body: (i) => ({ clientId: i.clientId, wet: 'wmo', ontvangenOp: '2024-03-01', verwijzer: 'huisarts' }),
    velden: [v('clientId', 'uuid'), v('wet', 'code'), v('ontvangenOp', 'datumVerleden'), v('verwijzer', 'code', false)],
  },
  {
    naam: 'POST /aanmeldingen/{id}/afronding',
    app: 'intake',
    resource: 'aanmeldingId',
    pad: (id) => `/aanmeldingen/${id}/afronding`,
    status: 200,
    body: () => ({ afgerondOp: '2024-03-01', uitkomst: 'algemene-voorziening' }),
    velden: [v('afgerondOp', 'datumVerleden'), v('uitkomst', 'code')],
  },
  {
    naam: 'POST /aanmeldingen/{id}/intrekking',
    app: 'intake',
    resource: 'aanmeldingId',
    pad: (id) => `/aanmeldingen/${id}/intrekking`,
    status: 200,
    body: () => ({ reden: 'dubbel' }),
    velden: [v('reden', 'tekst')],
  },
  {
    naam: 'POST /voorzieningen',
    app: 'vz',
    pad: () => '/voorzieningen',
    status: 201,
    body: (i) => ({
      clientId: i.clientId,
      wet: 'jeugdwet',
      productcategorie: '45',
      leveringsvorm: 'pgb',
      besluitdatum: '2024-01-15',
      ingangsdatum: '2024-02-01',
      einddatum: '2024-12-31',
      aanmeldingId: i.aanmeldingId,
    }),
    velden: [
      v('clientId', 'uuid'),
      v('wet', 'code'),
      v('productcategorie', 'productcategorie'),
      v('leveringsvorm', 'code'),
      v('besluitdatum', 'datumVerleden'),
      v('ingangsdatum', 'datum'),
      v('einddatum', 'datum', false),
      v('aanmeldingId', 'uuid', false),
    ],
  },
  {
    naam: 'POST /voorzieningen/{id}/start-levering',
    app: 'vz',
    resource: 'voorzieningId',
    pad: (id) => `/voorzieningen/${id}/start-levering`,
    status: 200,
    body: () => ({ datum: '2024-02-05' }),
    velden: [v('datum', 'datumVerleden')],
  },
  {
    naam: 'POST /voorzieningen/{id}/beeindiging',
    app: 'vz',
    resource: 'voorzieningId',
    pad: (id) => `/voorzieningen/${id}/beeindiging`,
    status: 200,
    body: () => ({ einddatum: '2024-06-30', reden: 'volgens-plan' }),
    velden: [v('einddatum', 'datum'), v('reden', 'code')],
  },
  {
    naam: 'POST /voorzieningen/{id}/correctie',
    app: 'vz',
    resource: 'voorzieningId',
    pad: (id) => `/voorzieningen/${id}/correctie`,
    status: 200,
    body: () => ({ ingangsdatum: '2024-02-02', einddatum: '2024-12-31', productcategorie: '02', leveringsvorm: 'pgb', reden: 'typefout' }),
    velden: [
      v('ingangsdatum', 'datum', false),
      v('einddatum', 'datum', false, true),
      v('productcategorie', 'productcategorie', false),
      v('leveringsvorm', 'code', false),
      v('regeling', 'code', false),
      v('reden', 'tekst'),
    ],
  },
  {
    naam: 'POST /voorzieningen/{id}/intrekking',
    app: 'vz',
    resource: 'voorzieningId',
    pad: (id) => `/voorzieningen/${id}/intrekking`,
    status: 200,
    body: () => ({ reden: 'vergissing' }),
    velden: [v('reden', 'tekst')],
  },
  {
    naam: 'POST /uitkeringen',
    app: 'vz',
    pad: () => '/uitkeringen',
    status: 201,
    body: (i) => ({
      clientId: i.clientId,
      regeling: 'ioaw',
      ingangsdatum: '2024-03-01',
      instroomreden: 'einde-ww',
      besluitdatum: '2024-02-20',
    }),
    velden: [
      v('clientId', 'uuid'),
      v('regeling', 'code'),
      v('ingangsdatum', 'datum'),
      v('instroomreden', 'code'),
      v('besluitdatum', 'datumVerleden', false),
    ],
  },
  {
    naam: 'POST /uitkeringen/{id}/beeindiging',
    app: 'vz',
    resource: 'uitkeringId',
    pad: (id) => `/uitkeringen/${id}/beeindiging`,
    status: 200,
    body: () => ({ einddatum: '2024-06-30', uitstroomreden: 'werk' }),
    velden: [v('einddatum', 'datum'), v('uitstroomreden', 'code')],
  },
  {
    naam: 'POST /uitkeringen/{id}/correctie',
    app: 'vz',
    resource: 'uitkeringId',
    pad: (id) => `/uitkeringen/${id}/correctie`,
    status: 200,
    body: () => ({ ingangsdatum: '2024-02-02', regeling: 'bbz', reden: 'typefout' }),
    velden: [
      v('ingangsdatum', 'datum', false),
      v('einddatum', 'datum', false, true),
      v('regeling', 'code', false),
      v('productcategorie', 'productcategorie', false),
      v('leveringsvorm', 'code', false),
      v('reden', 'tekst'),
    ],
  },
  {
    naam: 'POST /uitkeringen/{id}/intrekking',
    app: 'vz',
    resource: 'uitkeringId',
    pad: (id) => `/uitkeringen/${id}/intrekking`,
    status: 200,
    body: () => ({ reden: 'vergissing' }),
    velden: [v('reden', 'tekst')],
  },
  {
    naam: 'POST /afwijzingen',
    app: 'vz',
    pad: () => '/afwijzingen',
    status: 201,
    body: (i) => ({
      clientId: i.clientId,
      wet: 'wmo',
      productcategorie: '01',
      besluitdatum: '2024-01-15',
      reden: 'geen beperking',
      aanmeldingId: i.aanmeldingId,
    }),
    velden: [
      v('clientId', 'uuid'),
      v('wet', 'code'),
      v('productcategorie', 'productcategorie', false),
      v('besluitdatum', 'datumVerleden'),
      v('reden', 'tekst'),
      v('aanmeldingId', 'uuid', false),
    ],
  },
  {
    naam: 'POST /afwijzingen/{id}/intrekking',
    app: 'vz',
    resource: 'afwijzingId',
    pad: (id) => `/afwijzingen/${id}/intrekking`,
    status: 200,
    body: () => ({ reden: 'vergissing' }),
    velden: [v('reden', 'tekst')],
  },
  {
    naam: 'POST /bezwaren',
    app: 'vz',
    pad: () => '/bezwaren',
    status: 201,
    body: (i) => ({
      besluitId: i.voorzieningId,
      ontvangenOp: '2024-02-01',
      onderwerp: 'huishoudelijke-hulp',
      adviescommissie: true,
      bekendmakingOp: '2024-01-16',
    }),
    velden: [
      v('besluitId', 'uuid'),
      v('ontvangenOp', 'datumVerleden'),
      v('onderwerp', 'vrijeCode'),
      v('adviescommissie', 'boolean', false),
      v('bekendmakingOp', 'datumVerleden', false),
    ],
  },
  {
    naam: 'POST /bezwaren/{id}/verdaging',
    app: 'vz',
    resource: 'bezwaarId',
    pad: (id) => `/bezwaren/${id}/verdaging`,
    status: 200,
    body: () => ({ verdaagdOp: '2024-03-01' }),
    velden: [v('verdaagdOp', 'datumVerleden')],
  },
  {
    naam: 'POST /bezwaren/{id}/afhandeling',
    app: 'vz',
    resource: 'bezwaarId',
    pad: (id) => `/bezwaren/${id}/afhandeling`,
    status: 200,
    body: () => ({ afgehandeldOp: '2024-03-15', uitkomst: 'deels-gegrond' }),
    velden: [v('afgehandeldOp', 'datumVerleden'), v('uitkomst', 'code')],
  },
  {
    naam: 'POST /bezwaren/{id}/intrekking',
    app: 'vz',
    resource: 'bezwaarId',
    pad: (id) => `/bezwaren/${id}/intrekking`,
    status: 200,
    body: () => ({ reden: 'vergissing' }),
    velden: [v('reden', 'tekst')],
  },
  {
    naam: 'POST /productcategorieen',
    app: 'vz',
    pad: () => '/productcategorieen',
    status: 201,
    rol: 'beheer',
    body: () => ({ gemeente: 'GM0005', wet: 'wmo', code: `EIGEN-${++codeTeller}`, naam: 'Eigen code' }),
    velden: [v('gemeente', 'gemeente'), v('wet', 'code'), v('code', 'productcategorie'), v('naam', 'naam')],
  },
];

/** Wrong values per kind of field: [description, value]. */
const FOUT: Record<Soort, [string, unknown][]> = {
  datum: [
    ['an impossible date', '2016-02-30'],
    ['another format', '30-01-2016'],
    ['no padding', '2016-2-1'],
    ['a date-time', '2016-02-01T00:00:00Z'],
    ['a number', 20160201],
    ['an object', { jaar: 2016 }],
  ],
  datumVerleden: [
    ['an impossible date', '2016-02-30'],
    ['another format', '01/02/2016'],
    ['a number', 20160201],
    ['a date in the future', '2999-01-01'],
  ],
  code: [
    ['an unknown code', 'bestaat-niet'],
    ['another case', 'WMO'],
    ['a number', 1],
    ['a list', ['wmo']],
  ],
  uuid: [
    ['not a uuid', 'abc'],
    ['a uuid one short', '3a1e6c0d-5b7f-4f2a-8c9d-0e1f2a3b4c0'],
    ['a number', 12],
  ],
  tekst: [
    ['an empty string', ''],
    ['a number', 12],
    ['501 characters', 'x'.repeat(501)],
  ],
  naam: [
    ['an empty string', ''],
    ['a number', 12],
    ['201 characters', 'x'.repeat(201)],
  ],
  productcategorie: [
    ['an empty string', ''],
    ['a space', '0 1'],
    ['a number', 1],
    ['a leading dash', '-01'],
    ['33 characters', 'a'.repeat(33)],
  ],
  boolean: [
    ['a string', 'ja'],
    ['a number', 1],
  ],
  gemeente: [
    ['no CBS code', 'GM05'],
    ['lower case', 'gm0005'],
    ['a number', 5],
  ],
  vrijeCode: [
    ['capitals and spaces', 'Huishoudelijke Hulp'],
    ['an empty string', ''],
    ['a number', 5],
  ],
};

export function gevallen(): [string, Endpoint, Record<string, unknown>, string][] {
  const out: [string, Endpoint, Record<string, unknown>, string][] = [];
  for (const e of ENDPOINTS) {
    for (const veld of e.velden) {
      for (const [wat, waarde] of FOUT[veld.soort]) out.push([`${e.naam}: ${veld.naam} ${wat}`, e, { [veld.naam]: waarde }, veld.naam]);
      if (!veld.nullable) out.push([`${e.naam}: ${veld.naam} null`, e, { [veld.naam]: null }, veld.naam]);
      if (veld.verplicht) out.push([`${e.naam}: ${veld.naam} missing`, e, { [veld.naam]: undefined }, veld.naam]);
    }
    out.push([`${e.naam}: an unknown extra field`, e, { opmerking: 'x' }, 'opmerking']);
  }
  return out;
}
