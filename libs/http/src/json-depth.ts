/** Deeper JSON than any of our bodies needs; deeper input would only overflow a recursive walker. */
export const MAX_JSON_DEPTH = 32;

/** The deepest nesting of objects and arrays in a JSON text, ignoring brackets inside strings. */
export function jsonDepth(text: Buffer | string): number {
  const s = typeof text === 'string' ? text : text.toString('utf8');
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) max = Math.max(max, ++depth);
    else if (c === 0x7d || c === 0x5d) depth--;
  }
  return max;
}

/** body-parser `verify` hook: refuses too deep JSON with a 400 before it is parsed. */
export function refuseDeepJson(_req: unknown, _res: unknown, buf: Buffer): void {
  if (jsonDepth(buf) > MAX_JSON_DEPTH) {
    throw Object.assign(new Error('JSON nested too deeply'), { status: 400, type: 'entity.too.deep', expose: true });
  }
}
