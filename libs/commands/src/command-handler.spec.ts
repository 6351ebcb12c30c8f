import { beforeEach, describe, expect, it } from '@jest/globals';
import type { DomainEvent } from '@sd/contracts';
import { GeenToegang } from '@sd/domain';
import { InMemoryEventStore } from '@sd/event-store';
import { AANMELDING, AFWIJZING, type Aggregate, BEZWAAR, UITKERING, VOORZIENING } from './aggregates.js';
import { CommandHandler, type CommandRequest } from './command-handler.js';
import type { CommandMetadata } from './command-metadata.js';

// The gemeente check that the deciders and two controllers each made is made once, by the command
// handler, on the metadata beside the command. Each row is a refusal a decider spec asserted
// before, now asserted against that one check.

const ID = '3a1e6c0d-5b7f-4f2a-8c9d-0e1f2a3b4c02';
const CLIENT = '6f1c1c1e-58a5-8d52-9a57-2b3d2c1f7a10';

type Verzoek = Omit<CommandRequest<unknown, unknown, DomainEvent>, 'metadata'>;
/** The first command of a new stream, owned by `gemeente` (the gemeente of the client or besluit it names). */
const nieuw = <C, S, E extends DomainEvent>(aggregate: Aggregate<C, S, E>, gemeente: string, command: C): Verzoek => ({
  aggregate,
  id: ID,
  newStream: true,
  gemeente,
  command,
});
/** A command on the stream `nieuw` made. */
const op = <C, S, E extends DomainEvent>(aggregate: Aggregate<C, S, E>, command: C): Verzoek => ({ aggregate, id: ID, command });

const client = (gemeente: string) => ({ clientId: CLIENT, client: { gemeente, huishoudenId: 'HH-1' } });
const ontvang = (gemeente: string) =>
  nieuw(AANMELDING, gemeente, {
    type: 'OntvangAanmelding',
    aanmeldingId: ID,
    ...client(gemeente),
    wet: 'jeugdwet',
    ontvangenOp: '2016-03-01',
  });
const wijsAf = (gemeente: string) =>
  nieuw(AFWIJZING, gemeente, {
    type: 'WijsAanvraagAf',
    afwijzingId: ID,
    ...client(gemeente),
    wet: 'wmo',
    besluitdatum: '2016-03-15',
    reden: 'x',
    eigenProductcategorieen: [],
  });
const besluit = (gemeente: string) =>
  ({ soort: 'voorziening', gemeente, besluitdatum: '2016-01-04', ingetrokken: false, wet: 'wmo', clientId: CLIENT }) as const;
const registreer = (gemeente: string) =>
  nieuw(BEZWAAR, gemeente, {
    type: 'RegistreerBezwaar',
    bezwaarId: ID,
    besluitId: ID,
    ontvangenOp: '2016-02-01',
    onderwerp: 'pgb',
    besluit: besluit(gemeente),
  });
const kenUitkeringToe = (gemeente: string) =>
  nieuw(UITKERING, gemeente, {
    type: 'KenUitkeringToe',
    uitkeringId: ID,
    ...client(gemeente),
    regeling: 'bbz',
    ingangsdatum: '2016-02-01',
    instroomreden: 'overig',
  });
const kenVoorzieningToe = (gemeente: string) =>
  nieuw(VOORZIENING, gemeente, {
    type: 'KenVoorzieningToe',
    voorzieningId: ID,
    ...client(gemeente),
    wet: 'jeugdwet',
    productcategorie: '45',
    leveringsvorm: 'pgb',
    besluitdatum: '2016-01-04',
    ingangsdatum: '2016-01-11',
    eigenProductcategorieen: [],
  });

// [what the decider spec asserted, what the stream holds already, the gemeenten of the token, the command refused]
const GEWEIGERD: [string, Verzoek | null, string[], Verzoek][] = [
  ['aanmelding: refuses an aanmelding for a client of a gemeente the consultant may not act for', null, ['GM0006'], ontvang('GM0005')],
  [
    'aanmelding: refuses an afronding by a consultant of another gemeente',
    ontvang('GM0005'),
    ['GM0006'],
    op(AANMELDING, { type: 'RondAanmeldingAf', afgerondOp: '2016-03-10', uitkomst: 'aanvraag' }),
  ],
  ['afwijzing: refuses an afwijzing for a client of a gemeente the consultant may not act for', null, ['GM0005'], wijsAf('GM0006')],
  [
    'afwijzing: refuses an intrekking of an afwijzing of another gemeente',
    wijsAf('GM0005'),
    ['GM0006'],
    op(AFWIJZING, { type: 'TrekAfwijzingIn', reden: 'x' }),
  ],
  ['bezwaar: refuses a bezwaar against a besluit of a gemeente the consultant may not act for', null, ['GM0005'], registreer('GM0006')],
  [
    'bezwaar: answers GeenToegang for a bezwaar of another gemeente',
    registreer('GM0005'),
    ['GM0006'],
    op(BEZWAAR, { type: 'VerdaagBezwaar', verdaagdOp: '2016-03-01' }),
  ],
  [
    'uitkering: refuses an uitkering for a client of a gemeente the consultant may not act for',
    null,
    ['GM0006'],
    kenUitkeringToe('GM0005'),
  ],
  [
    'uitkering: answers GeenToegang for an uitkering of another gemeente',
    kenUitkeringToe('GM0005'),
    ['GM0006'],
    op(UITKERING, { type: 'BeeindigUitkering', einddatum: '2016-06-30', uitstroomreden: 'werk' }),
  ],
  [
    'voorziening: refuses a toekenning for a client of a gemeente the consultant may not act for',
    null,
    ['GM0005'],
    kenVoorzieningToe('GM0006'),
  ],
  [
    'voorziening: answers GeenToegang for a voorziening of another gemeente',
    kenVoorzieningToe('GM0005'),
    ['GM0006'],
    op(VOORZIENING, { type: 'StartLevering', datum: '2016-02-10' }),
  ],
];

describe('one gemeente check, on the command metadata', () => {
  let store: InMemoryEventStore;
  let handler: CommandHandler;
  beforeEach(() => {
    store = new InMemoryEventStore();
    handler = new CommandHandler(store);
  });
  const consulent = (gemeenten: string[]): CommandMetadata => ({
    actor: 'consulent-anna',
    gemeenten,
    requestHash: 'h',
    correlationId: 'c',
  });

  it.each(GEWEIGERD)('%s: GeenToegang (403), nothing appended', async (_, bestaand, gemeenten, verzoek) => {
    if (bestaand) await handler.handle({ ...bestaand, metadata: consulent(['GM0005']) });
    const voor = await store.headPosition();
    await expect(handler.handle({ ...verzoek, metadata: consulent(gemeenten) })).rejects.toThrow(GeenToegang);
    expect(await store.headPosition()).toBe(voor);
  });
});
