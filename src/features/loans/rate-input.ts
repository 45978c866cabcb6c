/**
 * Percent as the treasurer types it ("1,5" or "1.5" per month, "0,1" per day) to integer basis
 * points (150, 10), with no float on the way: the digits are read as text. Two decimals at most,
 * because a basis point is 0,01 %.
 */
export type RateError = 'empty' | 'not-a-number' | 'negative' | 'too-precise' | 'too-high';

export type RateCheck = { readonly ok: true; readonly bp: number } | { readonly ok: false; readonly error: RateError };

export function parsePercentToBp(text: string, maxBp: number): RateCheck {
  const compact = text.trim().replace(/\s*%$/, '').replace(/\s/g, '');
  if (compact === '') return { ok: false, error: 'empty' };
  if (compact.startsWith('-')) return { ok: false, error: 'negative' };
  const match = /^(\d{1,4})(?:[.,](\d+))?$/.exec(compact);
  if (match === null) return { ok: false, error: 'not-a-number' };
  const whole = match[1] ?? '0';
  const fraction = match[2] ?? '';
  if (fraction.length > 2) return { ok: false, error: 'too-precise' };
  const bp = Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
  if (bp > maxBp) return { ok: false, error: 'too-high' };
  return { ok: true, bp };
}

/** 150 → "1,5 %", 3676 → "36,76 %", 0 → "0 %" (Indonesian decimal comma). */
export function formatBpPercent(bp: number): string {
  const sign = bp < 0 ? '-' : '';
  const abs = Math.abs(Math.trunc(bp));
  const whole = Math.floor(abs / 100);
  const cents = String(abs % 100).padStart(2, '0').replace(/0+$/, '');
  return `${sign}${whole.toLocaleString('id-ID')}${cents === '' ? '' : `,${cents}`} %`;
}

/** Whole months 1..max, typed as digits. */
export type MonthsCheck = { readonly ok: true; readonly months: number } | { readonly ok: false; readonly error: 'empty' | 'not-a-number' | 'zero' | 'too-long' };

export function parseMonths(text: string, max: number): MonthsCheck {
  const compact = text.trim();
  if (compact === '') return { ok: false, error: 'empty' };
  if (!/^\d{1,4}$/.test(compact)) return { ok: false, error: 'not-a-number' };
  const months = Number(compact);
  if (months === 0) return { ok: false, error: 'zero' };
  if (months > max) return { ok: false, error: 'too-long' };
  return { ok: true, months };
}
