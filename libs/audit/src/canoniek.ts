import canonicalize from 'canonicalize';

/**
 * The canonical JSON of a value (RFC 8785, JSON Canonicalization Scheme, by the `canonicalize`
 * library): one byte sequence per value whatever the key order, so a hash over it is the same on
 * the server and on an auditor's machine.
 */
export function canoniek(waarde: unknown): string {
  const tekst = canonicalize(waarde);
  if (tekst === undefined) throw new Error('canoniek: no JSON value');
  return tekst;
}
