/**
 * Integer rupiah. Every amount in Lumbung is a whole number of rupiah held in a safe integer:
 * no floats in storage, on the wire or in sums (CONTRACT §1).
 */
declare const rupiahBrand: unique symbol;
export type Rupiah = number & { readonly [rupiahBrand]: true };

/** The largest amount we accept anywhere: Rp1.000 triliun, far above any cooperative, far below 2^53. */
export const MAX_RUPIAH = 1_000_000_000_000_000;

export function isRupiah(value: unknown): value is Rupiah {
  return typeof value === 'number' && Number.isSafeInteger(value) && Math.abs(value) <= MAX_RUPIAH;
}

/** Brands a number as rupiah, throwing on fractions or unsafe magnitudes: a programming error, not user input. */
export function rupiah(value: number): Rupiah {
  if (!isRupiah(value)) throw new RangeError(`not an integer rupiah amount: ${String(value)}`);
  return value;
}

export const ZERO = rupiah(0);

export function addRupiah(a: Rupiah, b: Rupiah): Rupiah {
  return rupiah(a + b);
}

export function subRupiah(a: Rupiah, b: Rupiah): Rupiah {
  return rupiah(a - b);
}

export function sumRupiah(values: Iterable<Rupiah>): Rupiah {
  let total = 0;
  for (const v of values) total += v;
  return rupiah(total);
}
