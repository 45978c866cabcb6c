/**
 * Rupiah as Indonesians write it: `Rp1.500.000`, `.` between thousands, no decimals (CONTRACT §1,
 * DESIGN "Conventions"). Written by hand rather than with Intl.NumberFormat because Intl's output
 * (separator, non-breaking spaces, `Rp` spacing) differs between ICU versions, and the phone and the
 * server must print the same report byte for byte.
 */
import type { Rupiah } from './money.ts';

/** `1500000` → `1.500.000`; negative numbers keep their minus: `-1.500`. Integers only. */
export function formatThousands(value: number | bigint): string {
  if (typeof value === 'number' && !Number.isSafeInteger(value)) {
    throw new RangeError(`formatThousands needs a safe integer, got ${String(value)}`);
  }
  const negative = value < 0;
  // BigInt prints every digit, never an exponent, and `-0` cannot occur.
  const digits = (negative ? -BigInt(value) : BigInt(value)).toString();
  let grouped = '';
  for (let end = digits.length; end > 0; end -= 3) {
    const start = Math.max(0, end - 3);
    grouped = grouped === '' ? digits.slice(start, end) : `${digits.slice(start, end)}.${grouped}`;
  }
  return negative ? `-${grouped}` : grouped;
}

/** `Rp1.500.000`; a negative amount is `-Rp1.500` (the minus before the currency, as banks print it). */
export function formatRupiah(value: Rupiah): string {
  return value < 0 ? `-Rp${formatThousands(Math.abs(value))}` : `Rp${formatThousands(value)}`;
}
