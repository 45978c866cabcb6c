import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { compareNatural, sortNatural } from '../../src/domain/reports/order.ts';

/**
 * The order as first written (split into runs, then compared run by run): the oracle for the
 * version that walks the strings in place.
 */
function referenceCompare(a: string, b: string): number {
  type Run = { text: string; digits: string | null };
  const runsOf = (text: string): Run[] =>
    (text.match(/(\d+|\D+)/g) ?? []).map((run) => ({ text: run, digits: /^\d/.test(run) ? run.replace(/^0+/, '') : null }));
  const left = runsOf(a);
  const right = runsOf(b);
  for (let k = 0; k < Math.min(left.length, right.length); k++) {
    const x = left[k];
    const y = right[k];
    if (x === undefined || y === undefined || x.text === y.text) continue;
    if (x.digits !== null && y.digits !== null) {
      const byValue = x.digits.length - y.digits.length;
      if (byValue !== 0) return byValue;
      if (x.digits !== y.digits) return x.digits < y.digits ? -1 : 1;
      return x.text.length - y.text.length;
    }
    return x.text < y.text ? -1 : 1;
  }
  return left.length - right.length;
}

const pieces = ['0', '00', '007', '1', '2', '9', '10', '99', '100', 'A', 'a', 'B', '-', ' ', '/', ':', '.', '\u0000', 'é', '\uffff', '\ud83d\ude00', 'Siti', 'A-'];
const label = fc.oneof(fc.array(fc.constantFrom(...pieces), { maxLength: 8 }).map((parts) => parts.join('')), fc.string({ maxLength: 12 }));

describe('compareNatural', () => {
  it('puts member numbers in the order people count them', () => {
    const numbers = ['A-10', 'A-2', 'A-002', 'A-1', 'B-1', 'A-1a', 'A-', 'A-01', '10', '9', ''];
    expect([...numbers].sort(compareNatural)).toEqual(['', '9', '10', 'A-', 'A-1', 'A-1a', 'A-01', 'A-2', 'A-002', 'A-10', 'B-1']);
  });

  it('orders every pair as the run-by-run comparison does (property)', () => {
    fc.assert(
      fc.property(label, label, (a, b) => {
        const sign = (n: number): number => Math.sign(n) + 0; // + 0: −0 and 0 are one answer
        expect(sign(compareNatural(a, b))).toBe(sign(referenceCompare(a, b)));
        expect(sign(compareNatural(b, a))).toBe(sign(-compareNatural(a, b)));
      }),
      { numRuns: 20_000 },
    );
  });

  it('is 0 only for the same text', () => {
    fc.assert(
      fc.property(label, label, (a, b) => {
        expect(compareNatural(a, b) === 0).toBe(a === b);
        expect(compareNatural(a, a)).toBe(0);
      }),
      { numRuns: 5_000 },
    );
  });
});

describe('sortNatural', () => {
  it('sorts as the reference order and keeps items with the same label in their order (property)', () => {
    fc.assert(
      fc.property(fc.array(label, { maxLength: 60 }), (labels) => {
        const items = labels.map((text, index) => ({ text, index }));
        const expected = [...items].sort((x, y) => referenceCompare(x.text, y.text) || x.index - y.index);
        expect(sortNatural(items, (item) => item.text)).toEqual(expected);
      }),
      { numRuns: 2_000 },
    );
  });
});
