/**
 * Percentages as a treasurer types them — `1,5`, `1.5`, `40`, `12,25 %` — read exactly into basis
 * points (1 % = 100 bp) without floating point: the digits are split at the decimal mark and
 * joined as integers. At most two decimals, since a basis point is the smallest unit the books keep.
 */
export type PercentError = 'percent-empty' | 'percent-format' | 'percent-decimals' | 'percent-range';
export type PercentCheck = { readonly ok: true; readonly bp: number } | { readonly ok: false; readonly error: PercentError };

export function parsePercentBp(text: string, maxBp = 10_000): PercentCheck {
  const cleaned = text.trim().replace(/\s*%$/, '');
  if (cleaned === '') return { ok: false, error: 'percent-empty' };
  const match = /^(\d{1,5})(?:[.,](\d+))?$/.exec(cleaned);
  if (match === null) return { ok: false, error: 'percent-format' };
  const fraction = match[2] ?? '';
  if (fraction.length > 2) return { ok: false, error: 'percent-decimals' };
  const bp = Number(match[1]) * 100 + Number(fraction.padEnd(2, '0'));
  if (bp > maxBp) return { ok: false, error: 'percent-range' };
  return { ok: true, bp };
}

/** 150 → "1,5"; 4000 → "40"; 1225 → "12,25" (Indonesian decimal comma). */
export function formatBpAsPercent(bp: number): string {
  const whole = Math.trunc(bp / 100);
  const fraction = String(bp % 100).padStart(2, '0').replace(/0+$/, '');
  return fraction === '' ? String(whole) : `${String(whole)},${fraction}`;
}

export type WholeError = 'number-empty' | 'number-format' | 'number-range';
export type WholeCheck = { readonly ok: true; readonly value: number } | { readonly ok: false; readonly error: WholeError };

/** A whole number of days or months within [min, max]. */
export function parseWhole(text: string, min: number, max: number): WholeCheck {
  const cleaned = text.trim();
  if (cleaned === '') return { ok: false, error: 'number-empty' };
  if (!/^\d{1,6}$/.test(cleaned)) return { ok: false, error: 'number-format' };
  const value = Number(cleaned);
  if (value < min || value > max) return { ok: false, error: 'number-range' };
  return { ok: true, value };
}
