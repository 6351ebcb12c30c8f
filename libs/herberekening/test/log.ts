import { currentVersion } from '@sd/contracts';
import type { RecordedEvent } from '@sd/event-store';

/*
 * Small hand-made event logs for the recomputation's unit tests. Recorded times: T0 the first
 * registrations, T1 and T2 later (late) registrations. Each event's envelope gemeente is its
 * client's, as the services store it.
 */

export const T0 = new Date('2016-12-01T09:00:00Z');
export const T1 = new Date('2017-01-15T09:00:00Z');
export const T2 = new Date('2017-02-15T09:00:00Z');
export const VOOR_T0 = new Date(T0.getTime() - 1);

export const uuid = (n: number): string => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

export interface ClientRef {
  clientId: string;
  gemeente: string;
  huishoudenId?: string;
}

export class Log {
  readonly events: RecordedEvent[] = [];
  private readonly versies = new Map<string, number>();
  private readonly gemeenten = new Map<string, string>();

  add(streamType: string, streamId: string, type: string, data: object, recordedAt: Date, schemaVersion = currentVersion(type)): void {
    const streamVersion = (this.versies.get(streamId) ?? 0) + 1;
    this.versies.set(streamId, streamVersion);
    const gemeente = (data as { gemeente?: string }).gemeente ?? this.gemeenten.get(streamId) ?? 'GM0005';
    this.gemeenten.set(streamId, gemeente);
    this.events.push({
      eventId: uuid(900_000 + this.events.length),
      streamId,
      streamType,
      streamVersion,
      globalPosition: this.events.length + 1,
      type,
      schemaVersion,
      data: data as Record<string, unknown>,
      gemeente,
      actorId: 'test',
      correlationId: 'test',
      causationId: null,
      metadata: {},
      recordedAt,
    });
  }

  client(n: number, gemeente: string, geboortedatum: string, geslacht: string, huishoudenId?: string): ClientRef {
    const clientId = uuid(n);
    const hh = huishoudenId ? { huishoudenId } : {};
    this.add(
      'client',
      `client-${clientId}`,
      'ClientGeregistreerd',
      { clientId, bsn: '111222333', geboortedatum, geslacht, gemeente, ...hh },
      T0,
    );
    return { clientId, gemeente, ...hh };
  }

  voorziening(
    n: number,
    c: ClientRef,
    v: { wet: string; pc: string; lv: string; besluit: string; ingang: string; einde?: string },
    at = T0,
  ) {
    const voorzieningId = uuid(n);
    const streamId = `voorziening-${voorzieningId}`;
    this.add(
      'voorziening',
      streamId,
      'VoorzieningToegekend',
      {
        voorzieningId,
        clientId: c.clientId,
        gemeente: c.gemeente,
        ...(c.huishoudenId ? { huishoudenId: c.huishoudenId } : {}),
        wet: v.wet,
        productcategorie: v.pc,
        leveringsvorm: v.lv,
        besluitdatum: v.besluit,
        ingangsdatum: v.ingang,
        ...(v.einde ? { einddatum: v.einde } : {}),
      },
      at,
    );
    return {
      voorzieningId,
      start: (datum: string, when = T0) => this.add('voorziening', streamId, 'LeveringGestart', { voorzieningId, datum }, when),
      beeindig: (einddatum: string, reden: string, when: Date, vorigeEinddatum: string | null = null, correctie = false) =>
        this.add('voorziening', streamId, 'VoorzieningBeeindigd', { voorzieningId, einddatum, reden, vorigeEinddatum, correctie }, when),
      /** A version 1 beëindiging, stored before corrections existed: read through its upcaster. */
      beeindigV1: (einddatum: string, reden: string, when: Date) =>
        this.add('voorziening', streamId, 'VoorzieningBeeindigd', { voorzieningId, einddatum, reden }, when, 1),
      corrigeer: (data: object, when: Date) =>
        this.add('voorziening', streamId, 'RegistratieGecorrigeerd', { ...data, reden: 'correctie' }, when),
      trekIn: (when: Date) => this.add('voorziening', streamId, 'RegistratieIngetrokken', { reden: 'vergissing' }, when),
    };
  }

  uitkering(n: number, c: ClientRef, u: { regeling: string; ingang: string; instroomreden: string }, at = T0) {
    const uitkeringId = uuid(n);
    const streamId = `uitkering-${uitkeringId}`;
    this.add(
      'uitkering',
      streamId,
      'UitkeringToegekend',
      {
        uitkeringId,
        clientId: c.clientId,
        gemeente: c.gemeente,
        ...(c.huishoudenId ? { huishoudenId: c.huishoudenId } : {}),
        wet: 'participatiewet',
        regeling: u.regeling,
        besluitdatum: u.ingang,
        ingangsdatum: u.ingang,
        instroomreden: u.instroomreden,
      },
      at,
    );
    return {
      uitkeringId,
      beeindig: (einddatum: string, uitstroomreden: string, when: Date, vorigeEinddatum: string | null = null, correctie = false) =>
        this.add('uitkering', streamId, 'UitkeringBeeindigd', { uitkeringId, einddatum, uitstroomreden, vorigeEinddatum, correctie }, when),
      trekIn: (when: Date) => this.add('uitkering', streamId, 'RegistratieIngetrokken', { reden: 'vergissing' }, when),
    };
  }

  aanmelding(n: number, c: ClientRef, wet: string, ontvangenOp: string) {
    const aanmeldingId = uuid(n);
    const streamId = `aanmelding-${aanmeldingId}`;
    this.add(
      'aanmelding',
      streamId,
      'AanmeldingOntvangen',
      { aanmeldingId, clientId: c.clientId, gemeente: c.gemeente, wet, ontvangenOp },
      T0,
    );
    return {
      rondAf: (afgerondOp: string, when = T0) =>
        this.add('aanmelding', streamId, 'AanmeldingAfgerond', { aanmeldingId, afgerondOp, uitkomst: 'aanvraag' }, when),
      trekIn: (when: Date) => this.add('aanmelding', streamId, 'RegistratieIngetrokken', { reden: 'vergissing' }, when),
    };
  }

  bezwaar(
    n: number,
    c: ClientRef,
    b: { wet: string; ontvangenOp: string; onderwerp: string; bekendmakingOp: string; adviescommissie?: boolean; uiterlijk: string },
  ) {
    const bezwaarId = uuid(n);
    const streamId = `bezwaar-${bezwaarId}`;
    this.add(
      'bezwaar',
      streamId,
      'BezwaarOntvangen',
      {
        bezwaarId,
        besluitId: uuid(n + 50_000),
        besluitsoort: 'voorziening',
        gemeente: c.gemeente,
        clientId: c.clientId,
        wet: b.wet,
        ontvangenOp: b.ontvangenOp,
        onderwerp: b.onderwerp,
        adviescommissie: b.adviescommissie ?? false,
        bekendmakingOp: b.bekendmakingOp,
        uiterlijkeBeslisdatum: b.uiterlijk,
      },
      T0,
    );
    return {
      verdaag: (verdaagdOp: string, uiterlijkeBeslisdatum: string, when = T1) =>
        this.add('bezwaar', streamId, 'BezwaarVerdaagd', { bezwaarId, verdaagdOp, uiterlijkeBeslisdatum }, when),
      handelAf: (afgehandeldOp: string, uitkomst: string, uiterlijkeBeslisdatum: string, binnenTermijn: boolean, when = T1) =>
        this.add(
          'bezwaar',
          streamId,
          'BezwaarAfgehandeld',
          { bezwaarId, afgehandeldOp, uitkomst, uiterlijkeBeslisdatum, binnenTermijn },
          when,
        ),
      trekIn: (when: Date) => this.add('bezwaar', streamId, 'RegistratieIngetrokken', { reden: 'vergissing' }, when),
    };
  }
}
