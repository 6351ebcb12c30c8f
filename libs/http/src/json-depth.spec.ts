import { describe, expect, it } from '@jest/globals';
import { jsonDepth } from './json-depth.js';

describe('jsonDepth', () => {
  it.each([
    ['1', 0],
    ['{}', 1],
    ['{"a":[1,{"b":2}]}', 3],
    ['{"a":"[[[[{{{{"}', 1],
    ['{"a":"\\\\\\"[["}', 1],
    ['[[],[[]]]', 3],
  ])('%s has depth %i', (text, depth) => expect(jsonDepth(text)).toBe(depth));
});
