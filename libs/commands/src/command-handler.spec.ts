import { beforeEach, describe, expect, it } from '@jest/globals';
import { GeenToegang } from '@sd/domain';
import { InMemoryEventStore } from '@sd/event-store';
import { AANMELDING, AFWIJZING, type Aggregate, BEZWAAR, UITKERING, VOORZIENING } from './aggregates.js';
import { CommandHandler, type CommandRequest } from './command-handler.js';
import type { CommandMetadata } from './command-metadata.js';

// The gemeente check that the deciders and the controllers each used to make is made once, by the
// command handler, on the metadata beside the command. These are the refusals the decider specs
// asserted before, each now against that one check.

const ID = '3a1e6c0d-5b7f-4f2a-8c9d-0e1f2a3b4c02';
const CLIENT = '6f1c1c1e-58a5-8d52-9a57-2b3d2c1f7a10';
const anna = (gemeenten: string[]): CommandMetadata => ({ actor: 'consulent-anna', gemeenten, requestHash: 'h', correlationId: 'c' });

let store: InMemoryEventStore;
let handler: CommandHandler;
beforeEach(() => {
  store = new InMemoryEventStore();
  handler = new CommandHandler(store);
});

/** The handler refuses the command with GeenToegang (403) and appends nothing. */
async function geweigerd<C, S, E extends { type: string; data: object }>(req: CommandRequest<C, S, E>): Promise<void> {
  const voor = await store.headPosition();
  await expect(handler.handle(req)).rejects.toThrow(GeenToegang);
  expect(await store.headPosition()).toBe(voor);
}

/** A first command on a new stream of gemeente GM0005, by a consultant of GM0005. */
async function bestaat<C, S, E extends { type: string; data: object }>(aggregate: Aggregate<C, S, E>, command: C): Promise<void> {
  await handler.handle({ aggregate, id: ID, newStream: true, gemeente: 'GM0005', command, metadata: anna(['GM0005']) });
}

const client = { gemeente: 'GM0005', huishoudenId: 'HH-1' };
const ontvang = { type: 'OntvangAanmelding', aanmeldingId: ID, clientId: CLIENT, wet: 'jeugdwet', ontvangenOp: '2016-03-01', client } as const;
const wijsAf = {
  type: 'WijsAanvraagAf',
  afwijzingId: ID,
  clientId: CLIENT,
  wet: 'wmo',
  besluitdatum: '2016-03-15',
  reden: 'voorliggende voorziening',
  client,
  eigenProductcategorieen: [],
} as const;
const besluit = { soort: 'voorziening', gemeente: 'GM0005', besluitdatum: '2016-01-04', ingetrokken: false, wet: 'wmo', clientId: CLIENT } as const;
const registreer = { type: 'RegistreerBezwaar', bezwaarId: ID, besluitId: ID, ontvangenOp: '2016-02-01', onderwerp: 'pgb', besluit } as const;
const kenUitkeringToe = {
  type: 'KenUitkeringToe',
  uitkeringId: ID,
  clientId: CLIENT,
  regeling: 'participatiewet',
  ingangsdatum: '2016-02-01',
  instroomreden: 'einde-ww',
  client,
} as const;
const kenVoorzieningToe = {
  type: 'KenVoorzieningToe',
  voorzieningId: ID,
  clientId: CLIENT,
  wet: 'wmo',
  productcategorie: '01',
  leveringsvorm: 'zin',
  besluitdatum: '2016-01-20',
  ingangsdatum: '2016-02-01',
  client,
  eigenProductcategorieen: [],
} as const;

describe('one gemeente check, on the command metadata: aanmelding', () => {
  it('refuses an aanmelding for a client of a gemeente the consultant may not act for', async () => {
    await geweigerd({ aggregate: AANMELDING, id: ID, newStream: true, gemeente: client.gemeente, command: ontvang, metadata: anna(['GM0006']) });
  });

  it('refuses an afronding by a consultant of another gemeente', async () => {
    await bestaat(AANMELDING, ontvang);
    const command = { type: 'RondAanmeldingAf', afgerondOp: '2016-03-10', uitkomst: 'aanvraag' } as const;
    await geweigerd({ aggregate: AANMELDING, id: ID, command, metadata: anna(['GM0006']) });
  });
});

describe('one gemeente check, on the command metadata: afwijzing', () => {
  it('refuses an afwijzing for a client of a gemeente the consultant may not act for', async () => {
    const command = { ...wijsAf, client: { gemeente: 'GM0006' } };
    await geweigerd({ aggregate: AFWIJZING, id: ID, newStream: true, gemeente: 'GM0006', command, metadata: anna(['GM0005']) });
  });

  it('refuses an intrekking of an afwijzing of another gemeente', async () => {
    await bestaat(AFWIJZING, wijsAf);
    const command = { type: 'TrekAfwijzingIn', reden: 'verkeerde cliënt' } as const;
    await geweigerd({ aggregate: AFWIJZING, id: ID, command, metadata: anna(['GM0006']) });
  });
});

describe('one gemeente check, on the command metadata: bezwaar', () => {
  it('refuses a bezwaar against a besluit of a gemeente the consultant may not act for', async () => {
    const command = { ...registreer, besluit: { ...besluit, gemeente: 'GM0006' } };
    await geweigerd({ aggregate: BEZWAAR, id: ID, newStream: true, gemeente: 'GM0006', command, metadata: anna(['GM0005']) });
  });

  it('answers GeenToegang for a bezwaar of another gemeente', async () => {
    await bestaat(BEZWAAR, registreer);
    const command = { type: 'VerdaagBezwaar', verdaagdOp: '2016-03-01' } as const;
    await geweigerd({ aggregate: BEZWAAR, id: ID, command, metadata: anna(['GM0006']) });
  });
});

describe('one gemeente check, on the command metadata: uitkering', () => {
  it('refuses an uitkering for a client of a gemeente the consultant may not act for', async () => {
    const req = { aggregate: UITKERING, id: ID, newStream: true, gemeente: client.gemeente, command: kenUitkeringToe };
    await geweigerd({ ...req, metadata: anna(['GM0006']) });
  });

  it('answers GeenToegang for an uitkering of another gemeente', async () => {
    await bestaat(UITKERING, kenUitkeringToe);
    const command = { type: 'BeeindigUitkering', einddatum: '2016-06-30', uitstroomreden: 'werk' } as const;
    await geweigerd({ aggregate: UITKERING, id: ID, command, metadata: anna(['GM0006']) });
  });
});

describe('one gemeente check, on the command metadata: voorziening', () => {
  it('refuses a toekenning for a client of a gemeente the consultant may not act for', async () => {
    const command = { ...kenVoorzieningToe, client: { gemeente: 'GM0006' } };
    await geweigerd({ aggregate: VOORZIENING, id: ID, newStream: true, gemeente: 'GM0006', command, metadata: anna(['GM0005']) });
  });

  it('answers GeenToegang for a voorziening of another gemeente', async () => {
    await bestaat(VOORZIENING, kenVoorzieningToe);
    const command = { type: 'StartLevering', datum: '2016-02-10' } as const;
    await geweigerd({ aggregate: VOORZIENING, id: ID, command, metadata: anna(['GM0006']) });
  });
});
