import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CanonicalJsonError, canonicalJson } from '../../src/domain/canonical-json.ts';

/** A copy with keys inserted in a random order at every level (same value, different layout). */
function shuffledCopy(value: unknown, seed: number): unknown {
  if (Array.isArray(value)) return value.map((v, i) => shuffledCopy(v, seed + i));
  if (typeof value === 'object' && value !== null) {
    const keys = Object.keys(value);
    const order = keys.map((k, i) => ({ k, r: Math.sin(seed * 31 + i * 7) })).sort((a, b) => a.r - b.r);
    const out: Record<string, unknown> = {};
    for (const { k } of order) {
      // defineProperty, so a "__proto__" key stays an own data property.
      Object.defineProperty(out, k, {
        value: shuffledCopy((value as Record<string, unknown>)[k], seed + 1),
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
    return out;
  }
  return value;
}

const jsonValue = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.string(),
    fc.boolean(),
    fc.constant(null),
    fc.maxSafeInteger(),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(fc.string(), tie('value'), { maxKeys: 5 }),
  ),
})).value;

describe('canonicalJson (RFC 8785 for integer data)', () => {
  it('sorts keys by UTF-16 code units at every level (the RFC 8785 §3.2.3 example)', () => {
    const value = {
      '\u20ac': 'Euro Sign',
      '\r': 'Carriage Return',
      '\ufb33': 'Hebrew Letter Dalet With Dagesh',
      '1': 'One',
      '\ud83d\ude00': 'Emoji: Grinning Face',
      '\u0080': 'Control',
      '\u00f6': 'Latin Small Letter O With Diaeresis',
    };
    expect(canonicalJson(value)).toBe(
      '{"\\r":"Carriage Return","1":"One","\u0080":"Control","\u00f6":"Latin Small Letter O With Diaeresis",' +
        '"\u20ac":"Euro Sign","\ud83d\ude00":"Emoji: Grinning Face","\ufb33":"Hebrew Letter Dalet With Dagesh"}',
    );
  });

  it('matches an independent implementation (Python json.dumps sort_keys, see docs/domain-entries.md)', () => {
    const data = { memberId: '0193a1c0-0000-7000-8000-000000000001', kind: 'wajib', amount: 20000, via: 'cash' };
    expect(canonicalJson({ z: [3, { b: 1, a: -0 }], data, a: 'x\n"y"\u0001' })).toBe(
      '{"a":"x\\n\\"y\\"\\u0001","data":{"amount":20000,"kind":"wajib","memberId":"0193a1c0-0000-7000-8000-000000000001","via":"cash"},"z":[3,{"a":0,"b":1}]}',
    );
  });

  it('has no whitespace and keeps array order', () => {
    expect(canonicalJson({ b: [3, 1, 2], a: { d: true, c: null } })).toBe('{"a":{"c":null,"d":true},"b":[3,1,2]}');
    expect(canonicalJson([])).toBe('[]');
    expect(canonicalJson({})).toBe('{}');
  });

  it('omits object keys whose value is undefined, as JSON.stringify does', () => {
    expect(canonicalJson({ a: 1, b: undefined, c: { d: undefined } })).toBe('{"a":1,"c":{}}');
  });

  it.each([
    ['a float', { amount: 1.5 }],
    ['NaN', [Number.NaN]],
    ['Infinity', { x: Number.POSITIVE_INFINITY }],
    ['an unsafe integer', { x: 2 ** 53 }],
    ['undefined in an array', [1, undefined]],
    ['a hole in an array', Object.assign(new Array<unknown>(3), { 0: 1, 2: 3 })],
    ['a BigInt', { x: 1n }],
    ['a Date', { at: new Date(0) }],
    ['a Map', new Map()],
    ['a function', { f: () => 1 }],
    ['undefined itself', undefined],
  ])('refuses %s', (_label, value) => {
    expect(() => canonicalJson(value)).toThrow(CanonicalJsonError);
  });

  it('is stable under key order and equals sorted JSON.stringify for plain data', () => {
    fc.assert(
      fc.property(jsonValue, fc.integer(), (value, seed) => {
        const text = canonicalJson(value);
        expect(canonicalJson(shuffledCopy(value, seed))).toBe(text);
        // Parsing and re-canonicalising changes nothing (idempotent).
        expect(canonicalJson(JSON.parse(text))).toBe(text);
      }),
      { numRuns: 300 },
    );
  });
});
