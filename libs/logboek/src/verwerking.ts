import { type ActiviteitId, activiteitUri } from './verwerkingsactiviteiten.js';

/*
 * One Logregel of the Logius standard "Logboek Dataverwerkingen" (Logius-standaarden/
 * logboek-dataverwerkingen, sections/03-specificaties/02-component-logboek.md and
 * 03-component-applicatie.md): an OpenTelemetry span with `trace_id`, `span_id`, `parent_span_id`,
 * `name`, `start_time`, `end_time`, `status_code`, `resource` and `attributes`, the attributes in
 * the `dpl.` namespace (`dpl.core.processing_activity_id`, `dpl.core.data_subject_id`,
 * `dpl.core.data_subject_id_type`). We follow those names in the table and in the API. Our own
 * attributes (who did it, in which role, for which gemeente) are in `dpl.sd.*`. Left out: the
 * optional `foreign_operation` (our callers are our own apps and dashboard, so their span is the
 * `parent_span_id` within the same trace).
 */

/** The standard's status enumeration. */
export const STATUS_CODE = { UNSET: 0, OK: 1, ERROR: 2 } as const;
export type StatusCode = (typeof STATUS_CODE)[keyof typeof STATUS_CODE];
const STATUS_NAAM = ['STATUS_CODE_UNSET', 'STATUS_CODE_OK', 'STATUS_CODE_ERROR'] as const;

/**
 * What `dpl.core.data_subject_id` holds: the clientId, the pseudonym every registration carries
 * (it reveals nothing without the key), never the BSN. The standard recommends pseudonymising.
 */
export const DATA_SUBJECT_ID_TYPE = 'urn:sociaal-domein:clientId';

/** A data subject and the gemeente whose client it is (which privacy officers may read the record). */
export interface Betrokkene {
  clientId: string;
  gemeente: string;
}

/** One record (a Logregel) as the apps write it and the store returns it. */
export interface Vastlegging {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  /** The action: the route template, `GET /clienten/:id` (never a value from the request). */
  name: string;
  startTime: Date;
  endTime: Date;
  statusCode: StatusCode;
  /** The app that did it (`service.name`). */
  dienst: string;
  activiteit: ActiviteitId;
  /** None when the processing failed before its subject was known; such a record names no one. */
  betrokkene?: Betrokkene;
  /** The token's subject (`sub`), as on every event. */
  actor: string;
  rol?: string;
}

/** A record in the standard's shape, as `GET /verwerkingen` answers it. */
export interface Logregel {
  trace_id: string;
  span_id: string;
  parent_span_id: string | null;
  name: string;
  start_time: string;
  end_time: string;
  status_code: (typeof STATUS_NAAM)[number];
  resource: { attributes: Record<string, string> };
  attributes: Record<string, string>;
}

export function alsLogregel(v: Vastlegging): Logregel {
  const attributes: Record<string, string> = { 'dpl.core.processing_activity_id': activiteitUri(v.activiteit) };
  if (v.betrokkene) {
    attributes['dpl.core.data_subject_id'] = v.betrokkene.clientId;
    attributes['dpl.core.data_subject_id_type'] = DATA_SUBJECT_ID_TYPE;
    attributes['dpl.sd.gemeente'] = v.betrokkene.gemeente;
  }
  attributes['dpl.sd.actor_id'] = v.actor;
  if (v.rol) attributes['dpl.sd.rol'] = v.rol;
  return {
    trace_id: v.traceId,
    span_id: v.spanId,
    parent_span_id: v.parentSpanId ?? null,
    name: v.name,
    start_time: v.startTime.toISOString(),
    end_time: v.endTime.toISOString(),
    status_code: STATUS_NAAM[v.statusCode],
    resource: { attributes: { 'service.name': v.dienst } },
    attributes,
  };
}
