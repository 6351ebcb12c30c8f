import { getMetadataStorage, validateSync, type ValidationError, ValidationTypes } from 'class-validator';

/** An event as the domain sees it: a type and its data. The store adds the envelope. */
export interface DomainEvent<Type extends string = string, Data extends object = object> {
  type: Type;
  data: Data;
}

type SchemaClass = new () => object;

/**
 * One event type with a schema per version. `upcasters[v]` turns data of version v into data
 * of version v + 1, so old events are read as the current version.
 */
export interface EventContract {
  type: string;
  /** Which stream type the event belongs to (client, aanmelding, voorziening, ...). */
  streamType: string;
  schemas: Record<number, SchemaClass>;
  upcasters?: Record<number, (data: Record<string, unknown>) => Record<string, unknown>>;
  /**
   * The fields about a person, the same in every schema version (the audit chain's form of a
   * stored event must never change): `verborgen` never leave the server readable to an auditor
   * (a BSN, a birth date, text a consultant typed), `onthuld` may (to recount breakdowns).
   */
  persoonlijk?: { verborgen?: readonly string[]; onthuld?: readonly string[] };
  /** Free-text fields that are not about a person (the name of a code or a regio). */
  openbaar?: readonly string[];
}

export class EventSchemaError extends Error {
  constructor(
    readonly eventType: string,
    readonly schemaVersion: number,
    readonly problems: string[],
  ) {
    super(`${eventType} v${schemaVersion} does not match its schema: ${problems.join('; ')}`);
    this.name = 'EventSchemaError';
  }
}

const contracts = new Map<string, EventContract>();

export function defineEvent(contract: EventContract): EventContract {
  if (contracts.has(contract.type)) throw new Error(`event ${contract.type} is defined twice`);
  for (const [versie, schema] of Object.entries(contract.schemas)) {
    // check() copies data onto the schema's class without transforming nested objects into theirs.
    if (
      getMetadataStorage()
        .getTargetValidationMetadatas(schema, '', true, false)
        .some((m) => m.type === ValidationTypes.NESTED_VALIDATION)
    ) {
      throw new Error(`event ${contract.type} v${versie}: event schemas are flat, without @ValidateNested`);
    }
  }
  eisVrijeTekstVerklaard(contract);
  contracts.set(contract.type, contract);
  return contract;
}

/** Validators that make a string a code, an id, a date or a number rather than free text. */
const CODE_VALIDATORS = new Set(['isIn', 'matches', 'isUUID', 'isInt', 'isBoolean', 'isISO8601', 'isDateString', 'isEnum', 'isNumber']);

/**
 * Every free-text field (a string that is not a code) of every schema version is declared either
 * personal or openbaar, and every declared field exists: so a new event type cannot forget the
 * typed text a consultant may fill with a name. Personal fields are stored encrypted, hidden from
 * auditors and left out of integration events; that rests on this declaration.
 */
function eisVrijeTekstVerklaard(contract: EventContract): void {
  const { verborgen = [], onthuld = [] } = contract.persoonlijk ?? {};
  const verklaard = new Set([...verborgen, ...onthuld, ...(contract.openbaar ?? [])]);
  const velden = new Set<string>();
  for (const [versie, schema] of Object.entries(contract.schemas)) {
    const perVeld = new Map<string, string[]>();
    for (const m of getMetadataStorage().getTargetValidationMetadatas(schema, '', true, false)) {
      perVeld.set(m.propertyName, [...(perVeld.get(m.propertyName) ?? []), m.name ?? m.type]);
    }
    for (const [veld, validators] of perVeld) {
      velden.add(veld);
      const vrijeTekst = validators.includes('isString') && !validators.some((v) => CODE_VALIDATORS.has(v));
      if (vrijeTekst && !verklaard.has(veld))
        throw new Error(`event ${contract.type} v${versie}: ${veld} is free text; declare it in persoonlijk (about a person) or openbaar`);
    }
  }
  for (const veld of verklaard)
    if (!velden.has(veld)) throw new Error(`event ${contract.type}: ${veld} is declared but is in no schema version`);
}

export function eventContract(type: string): EventContract {
  const c = contracts.get(type);
  if (!c) throw new EventSchemaError(type, 0, ['unknown event type']);
  return c;
}

export function currentVersion(type: string): number {
  return Math.max(...Object.keys(eventContract(type).schemas).map(Number));
}

/** What a personal field reads as once its client is forgotten (its key destroyed). */
export const VERGETEN = '[vergeten]';

function check(type: string, version: number, data: unknown): void {
  const schema = eventContract(type).schemas[version];
  if (!schema) throw new EventSchemaError(type, version, ['unknown schema version']);
  const { verborgen, onthuld } = persoonlijkeVeldenVan(type);
  const vergeten = [...verborgen, ...onthuld].filter((v) => (data as Record<string, unknown> | undefined)?.[v] === VERGETEN);
  // The schemas are flat (defineEvent makes sure): a plain copy onto an instance is all
  // class-validator needs, at a third of what class-transformer's plainToInstance costs per event.
  const errors = validateSync(Object.assign(new schema(), data ?? {}), {
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
  });
  // A forgotten personal field no longer has its format; the rest of the event still must.
  const fouten = errors.filter((e) => !vergeten.includes(e.property));
  if (fouten.length) throw new EventSchemaError(type, version, flatten(fouten));
}

function flatten(errors: ValidationError[], prefix = ''): string[] {
  return errors.flatMap((e) => [
    ...Object.values(e.constraints ?? {}).map((m) => `${prefix}${m}`),
    ...flatten(e.children ?? [], `${prefix}${e.property}.`),
  ]);
}

/** Checks a new event against the current schema of its type; returns its schema version. */
export function encodeEvent(event: DomainEvent): { type: string; schemaVersion: number; data: Record<string, unknown> } {
  const version = currentVersion(event.type);
  check(event.type, version, event.data);
  return { type: event.type, schemaVersion: version, data: event.data as Record<string, unknown> };
}

/** Checks a stored event against the schema of its version and upcasts it to the current one. */
export function decodeEvent(stored: { type: string; schemaVersion: number; data: Record<string, unknown> }): DomainEvent {
  const contract = eventContract(stored.type);
  let version = stored.schemaVersion;
  let data = stored.data;
  check(stored.type, version, data);
  const latest = currentVersion(stored.type);
  while (version < latest) {
    const up = contract.upcasters?.[version];
    if (!up) throw new EventSchemaError(stored.type, version, [`no upcaster from v${version}`]);
    data = up(data);
    version++;
    check(stored.type, version, data);
  }
  return { type: stored.type, data };
}

/** The personal fields of an event type (none for a type without a contract). */
export function persoonlijkeVeldenVan(type: string): { verborgen: readonly string[]; onthuld: readonly string[] } {
  const p = contracts.get(type)?.persoonlijk;
  return { verborgen: p?.verborgen ?? [], onthuld: p?.onthuld ?? [] };
}
