import { describe, expect, it } from '@jest/globals';
import { IsInt, IsString, ValidateNested } from 'class-validator';
import { decodeEvent, defineEvent, encodeEvent, EventSchemaError } from './event-contract.js';
import './events/client.events.js';

class ProefV1 {
  @IsString() naam!: string;
}
class ProefV2 {
  @IsString() voornaam!: string;
  @IsInt() versie!: number;
}
defineEvent({
  type: 'ProefGebeurd',
  streamType: 'proef',
  schemas: { 1: ProefV1, 2: ProefV2 },
  upcasters: { 1: (d) => ({ voornaam: d.naam, versie: 2 }) },
  persoonlijk: { verborgen: ['naam', 'voornaam'] },
});

describe('event contracts', () => {
  const client = {
    type: 'ClientGeregistreerd',
    data: {
      clientId: '6f1c1c1e-58a5-4d52-9a57-2b3d2c1f7a10',
      bsn: '111222333',
      geboortedatum: '1980-01-31',
      geslacht: 'vrouw',
      gemeente: 'GM0005',
    },
  };

  it('stamps a new event with the current schema version after checking it', () => {
    expect(encodeEvent(client)).toEqual({ ...client, schemaVersion: 1 });
  });

  it('refuses a schema with nested classes: a stored event is checked as flat data', () => {
    class Adres {
      @IsString() straat!: string;
    }
    class GenestV1 {
      @ValidateNested() adres!: Adres;
    }
    expect(() => defineEvent({ type: 'GenestGebeurd', streamType: 'proef', schemas: { 1: GenestV1 } })).toThrow(/flat/);
  });

  it('refuses a contract whose free text is declared neither personal nor openbaar', () => {
    class NotitieV1 {
      @IsString() notitie!: string;
    }
    expect(() => defineEvent({ type: 'NotitieGemaakt', streamType: 'proef', schemas: { 1: NotitieV1 } })).toThrow(
      /notitie is free text; declare it in persoonlijk/,
    );
    expect(() =>
      defineEvent({
        type: 'NotitieGemaakt2',
        streamType: 'proef',
        schemas: { 1: NotitieV1 },
        persoonlijk: { verborgen: ['notitie', 'bsn'] },
      }),
    ).toThrow(/bsn is declared but is in no schema version/);
    expect(() =>
      defineEvent({ type: 'NotitieGemaakt3', streamType: 'proef', schemas: { 1: NotitieV1 }, openbaar: ['notitie'] }),
    ).not.toThrow();
  });

  it('refuses a new event that does not match its schema, naming the field', () => {
    expect(() => encodeEvent({ ...client, data: { ...client.data, geslacht: 'x' } })).toThrow(/geslacht/);
    expect(() => encodeEvent({ ...client, data: { ...client.data, extra: 1 } })).toThrow(EventSchemaError);
    expect(() => encodeEvent({ type: 'Onbekend', data: {} })).toThrow(/unknown event type/);
  });

  it('upcasts a stored version-1 event to version 2 when reading', () => {
    expect(encodeEvent({ type: 'ProefGebeurd', data: { voornaam: 'a', versie: 2 } }).schemaVersion).toBe(2);
    expect(decodeEvent({ type: 'ProefGebeurd', schemaVersion: 1, data: { naam: 'Fatima' } })).toEqual({
      type: 'ProefGebeurd',
      data: { voornaam: 'Fatima', versie: 2 },
    });
  });

  it('refuses a stored event that does not match the schema of its version', () => {
    expect(() => decodeEvent({ type: 'ProefGebeurd', schemaVersion: 1, data: { voornaam: 'a' } })).toThrow(EventSchemaError);
    expect(() => decodeEvent({ type: 'ProefGebeurd', schemaVersion: 3, data: {} })).toThrow(/unknown schema version/);
  });
});
