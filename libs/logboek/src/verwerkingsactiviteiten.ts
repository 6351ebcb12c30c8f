/**
 * The register of verwerkingsactiviteiten (AVG art. 30) as far as this system performs them. A
 * Logregel names its activity in `dpl.core.processing_activity_id` by URI, as the Logius standard
 * asks ("Verwijzing naar Register met meer informatie over de Verwerkingsactiviteit"); the URI is a
 * URN of our own, since the gemeente's register has no URL here. Doel and grondslag are the texts a
 * privacy officer answers an inzageverzoek with; the gemeente's own register is leading where they differ.
 */
export interface Verwerkingsactiviteit {
  naam: string;
  doel: string;
  grondslag: string;
}

const TAAK = 'AVG art. 6 lid 1 sub e en art. 9 lid 2 sub g/h: uitvoering van Wmo 2015, Jeugdwet en Participatiewet';

export const VERWERKINGSACTIVITEITEN = {
  'registreren-client': {
    naam: 'Registreren van een cliënt',
    doel: 'Een cliënt vastleggen om aanmeldingen, voorzieningen, uitkeringen en bezwaren op te registreren',
    grondslag: TAAK,
  },
  'inzien-client': {
    naam: 'Inzien van een cliënt',
    doel: 'De consulent bekijkt de registratie van een cliënt (met BSN) voor de behandeling van zijn zaak',
    grondslag: TAAK,
  },
  'inzien-dossier': {
    naam: 'Inzien van het dossier van een cliënt',
    doel: 'De consulent bekijkt alle aanmeldingen, voorzieningen, uitkeringen, afwijzingen en bezwaren van een cliënt',
    grondslag: TAAK,
  },
  'inzien-auditstream': {
    naam: 'Inzien van de geschiedenis van een registratie (audit)',
    doel: 'Een auditor of beheerder controleert wie wat wanneer heeft vastgelegd',
    grondslag: 'AVG art. 5 lid 2 en art. 6 lid 1 sub c: verantwoording en controle (Gemeentewet art. 213)',
  },
  'corrigeren-registratie': {
    naam: 'Corrigeren van een registratie',
    doel: 'Een onjuist vastgelegd gegeven van een voorziening of uitkering herstellen',
    grondslag: `${TAAK}; AVG art. 5 lid 1 sub d (juistheid)`,
  },
  'intrekken-registratie': {
    naam: 'Intrekken van een registratie',
    doel: 'Een registratie die een vergissing was ongedaan maken',
    grondslag: `${TAAK}; AVG art. 5 lid 1 sub d (juistheid)`,
  },
  'vergeten-client': {
    naam: 'Vergeten van een cliënt',
    doel: 'De persoonsgegevens van een cliënt wissen wanneer de bewaartermijn voorbij is of op verzoek',
    grondslag: 'AVG art. 5 lid 1 sub e en art. 17; de bewaartermijnen per wet',
  },
} as const satisfies Record<string, Verwerkingsactiviteit>;

export type ActiviteitId = keyof typeof VERWERKINGSACTIVITEITEN;

const URN = 'urn:sociaal-domein:verwerkingsactiviteit:';

/** The activity's URI, as a Logregel names it. */
export const activiteitUri = (id: ActiviteitId): string => `${URN}${id}`;

export const isActiviteitId = (id: string): id is ActiviteitId => Object.hasOwn(VERWERKINGSACTIVITEITEN, id);
