import { describe, expect, it } from '@jest/globals';
import { WithHeaders } from '@sd/http';
import { uitAntwoord, uitStream } from './verwerking.decorator.js';
import { alsLogregel, STATUS_CODE, type Vastlegging } from './verwerking.js';
import { activiteitUri, isActiviteitId, VERWERKINGSACTIVITEITEN } from './verwerkingsactiviteiten.js';

const CLIENT = '6f1c1c1e-58a5-4d52-9a57-2b3d2c1f7a10';

const vastlegging = (extra: Partial<Vastlegging> = {}): Vastlegging => ({
  traceId: '4bf92f3577b34da6a3ce929d0e0e4736',
  spanId: '00f067aa0ba902b7',
  name: 'GET /clienten/:id/dossier',
  startTime: new Date('2026-12-01T10:00:00.000Z'),
  endTime: new Date('2026-12-01T10:00:00.012Z'),
  statusCode: STATUS_CODE.OK,
  dienst: 'intake',
  activiteit: 'inzien-dossier',
  betrokkene: { clientId: CLIENT, gemeente: 'GM0005' },
  actor: 'consulent-anna',
  rol: 'consulent',
  ...extra,
});

describe('register of verwerkingsactiviteiten', () => {
  it('has every activity the issue names, each with naam, doel and grondslag', () => {
    expect(Object.keys(VERWERKINGSACTIVITEITEN).sort()).toEqual(
      [
        'corrigeren-registratie',
        'inzien-auditstream',
        'inzien-client',
        'inzien-dossier',
        'intrekken-registratie',
        'registreren-client',
        'vergeten-client',
      ].sort(),
    );
    for (const a of Object.values(VERWERKINGSACTIVITEITEN)) {
      expect(a.naam && a.doel && a.grondslag).toBeTruthy();
    }
  });

  it('names an activity by URI, and knows its own ids only', () => {
    expect(activiteitUri('inzien-dossier')).toBe('urn:sociaal-domein:verwerkingsactiviteit:inzien-dossier');
    expect(isActiviteitId('inzien-dossier')).toBe(true);
    expect(isActiviteitId('toString')).toBe(false);
  });
});

describe('a record in the standard’s shape', () => {
  it('uses the Logius names: span fields, status enum, dpl.core attributes, service.name', () => {
    expect(alsLogregel(vastlegging({ parentSpanId: 'a1b2c3d4e5f60718' }))).toEqual({
      trace_id: '4bf92f3577b34da6a3ce929d0e0e4736',
      span_id: '00f067aa0ba902b7',
      parent_span_id: 'a1b2c3d4e5f60718',
      name: 'GET /clienten/:id/dossier',
      start_time: '2026-12-01T10:00:00.000Z',
      end_time: '2026-12-01T10:00:00.012Z',
      status_code: 'STATUS_CODE_OK',
      resource: { attributes: { 'service.name': 'intake' } },
      attributes: {
        'dpl.core.processing_activity_id': 'urn:sociaal-domein:verwerkingsactiviteit:inzien-dossier',
        'dpl.core.data_subject_id': CLIENT,
        'dpl.core.data_subject_id_type': 'urn:sociaal-domein:clientId',
        'dpl.sd.gemeente': 'GM0005',
        'dpl.sd.actor_id': 'consulent-anna',
        'dpl.sd.rol': 'consulent',
      },
    });
  });

  it('a failed processing without a known subject names no one', () => {
    const r = alsLogregel(vastlegging({ betrokkene: undefined, statusCode: STATUS_CODE.ERROR }));
    expect(r.status_code).toBe('STATUS_CODE_ERROR');
    expect(r.parent_span_id).toBeNull();
    expect(Object.keys(r.attributes).filter((k) => k.startsWith('dpl.core.data_subject'))).toEqual([]);
  });
});

describe('who the processing was about', () => {
  it('a new registration: the clientId of the answer, the gemeente of the request', () => {
    const bron = uitAntwoord('clientId');
    const verzoek = { params: {}, body: { bsn: '111222333', gemeente: 'GM0005' } };
    expect(bron(verzoek, new WithHeaders({ clientId: CLIENT, positie: 3 }, {}))).toEqual({ clientId: CLIENT, gemeente: 'GM0005' });
    expect(bron(verzoek, { clientId: CLIENT })).toEqual({ clientId: CLIENT, gemeente: 'GM0005' });
    // Failed: no answer, no client made.
    expect(bron(verzoek, undefined)).toBeUndefined();
  });

  it('an existing registration: the stream its path names', () => {
    expect(uitStream((p) => `voorziening-${p.id}`)({ params: { id: CLIENT }, body: {} }, undefined)).toEqual({
      stream: `voorziening-${CLIENT}`,
    });
  });
});
