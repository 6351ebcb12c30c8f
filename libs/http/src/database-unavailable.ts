/**
 * Is this error the database being out of reach (down, restarting, refusing connections, shutting
 * down), rather than something about the request? Such errors answer 503 with Retry-After: the
 * same request may well succeed a moment later, and nothing was changed.
 */
export function isDatabaseUnavailable(e: unknown): boolean {
  const err = e as { code?: unknown; message?: unknown; errors?: unknown[] } | null;
  if (!err || typeof err !== 'object') return false;
  const code = typeof err.code === 'string' ? err.code : '';
  if (NETWORK_CODES.has(code)) return true;
  // SQLSTATE class 08: connection exception; 57P01–57P03: the server shuts down or starts up;
  // 53300: too many connections.
  if (/^08/.test(code) || /^57P0[1-3]$/.test(code) || code === '53300') return true;
  // The KurrentDB client's errors carry a type (its ErrorType).
  if (typeof (err as { type?: unknown }).type === 'string' && KURRENTDB_TYPES.has((err as { type: string }).type)) return true;
  if (typeof err.message === 'string' && POOL_MESSAGES.some((m) => (err.message as string).includes(m))) return true;
  // Node reports a refused connection to a host with several addresses as an AggregateError.
  return Array.isArray(err.errors) && err.errors.some(isDatabaseUnavailable);
}

const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EPIPE',
]);

const KURRENTDB_TYPES = new Set(['unavailable', 'deadline-exceeded', 'timeout', 'not-leader']);

// node-postgres says these in words only.
const POOL_MESSAGES = [
  'Connection terminated',
  'timeout exceeded when trying to connect',
  'Cannot use a pool after calling end on the pool',
  'Client has encountered a connection error and is not queryable',
];
