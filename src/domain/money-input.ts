/**
 * Reads an amount the way a treasurer types it on a phone keyboard.
 *
 * Indonesian notation: `.` groups thousands and `,` starts decimals. Accepted:
 *   `1500000`, `1.500.000`, `Rp1.500.000`, `Rp 1.500.000`, `Rp. 1.500.000`, `1.500.000,-`, `1.500.000,00`,
 *   `1,5jt`, `1,5 juta`, `2jt`, `150rb`, `150 ribu`, `150k`, `1,25rb`, `2 miliar`.
 *   No bare `m`: it reads as "miliar" to some and "million" to others, a thousandfold mistake.
 * Rejected, each with its own code so the form can say what is wrong:
 *   `1.5jt` → `use-decimal-comma` (a dot never starts decimals here; `1.5` could mean 15 or 1½),
 *   `1.50.000` → `bad-grouping`, `1,2345rb` → `fraction` (a part of a rupiah),
 *   `-5000` → `negative`, `0` → `zero` (unless allowed), beyond MAX_RUPIAH → `too-large`.
 * Integer arithmetic only (BigInt): a decimal is scaled by its multiplier and must come out whole.
 */
import { MAX_RUPIAH, rupiah, type Rupiah } from './money.ts';

export const MONEY_INPUT_ERRORS = [
  'empty',
  'not-a-number',
  'bad-grouping',
  'use-decimal-comma',
  'fraction',
  'negative',
  'zero',
  'too-large',
] as const;
export type MoneyInputError = (typeof MONEY_INPUT_ERRORS)[number];

export type MoneyInputResult = { ok: true; value: Rupiah } | { ok: false; error: MoneyInputError };

export type MoneyInputOptions = {
  /** adminFee, interest and fine may be 0; every other amount must be positive (CONTRACT §2). */
  allowZero?: boolean;
};

const MULTIPLIERS: Readonly<Record<string, bigint>> = {
  k: 1_000n,
  rb: 1_000n,
  ribu: 1_000n,
  jt: 1_000_000n,
  juta: 1_000_000n,
  miliar: 1_000_000_000n,
  milyar: 1_000_000_000n,
};

// Optional currency prefix, optional minus, the number, optional `,-` (no sen), optional multiplier word.
const SHAPE = /^(-)?\s*(?:(?:rp\.?|idr)\s*)?(-)?\s*([0-9.,]+?)(,-)?\s*(k|rb|ribu|jt|juta|miliar|milyar)?$/i;
const PLAIN_DIGITS = /^\d+$/;
const GROUPED = /^\d{1,3}(?:\.\d{3})+$/;
const DOT_DECIMAL = /^\d+\.\d{1,2}$/;

const fail = (error: MoneyInputError): MoneyInputResult => ({ ok: false, error });

export function parseRupiahInput(text: string, options: MoneyInputOptions = {}): MoneyInputResult {
  const trimmed = text.trim();
  if (trimmed === '') return fail('empty');
  const match = SHAPE.exec(trimmed);
  if (match === null) return fail('not-a-number');
  const [, minusBefore, minusAfter, numberText = '', noSen, suffix] = match;

  const commaAt = numberText.indexOf(',');
  if (commaAt !== numberText.lastIndexOf(',')) return fail('bad-grouping');
  const integerText = commaAt === -1 ? numberText : numberText.slice(0, commaAt);
  const fractionText = commaAt === -1 ? '' : numberText.slice(commaAt + 1);
  if (noSen !== undefined && fractionText !== '') return fail('not-a-number');
  if (commaAt !== -1 && !PLAIN_DIGITS.test(fractionText)) return fail('not-a-number');

  let integerDigits: string;
  if (PLAIN_DIGITS.test(integerText)) integerDigits = integerText;
  else if (GROUPED.test(integerText)) integerDigits = integerText.replaceAll('.', '');
  else if (DOT_DECIMAL.test(integerText)) return fail('use-decimal-comma');
  else if (integerText === '') return fail('not-a-number');
  else return fail(integerText.includes('.') ? 'bad-grouping' : 'not-a-number');

  const multiplier = suffix === undefined ? 1n : (MULTIPLIERS[suffix.toLowerCase()] ?? 1n);
  const scale = 10n ** BigInt(fractionText.length);
  const scaled = (BigInt(integerDigits) * scale + BigInt(fractionText === '' ? '0' : fractionText)) * multiplier;
  if (scaled % scale !== 0n) return fail('fraction');
  const value = scaled / scale;

  if (minusBefore !== undefined || minusAfter !== undefined) return fail(value === 0n ? 'zero' : 'negative');
  if (value > BigInt(MAX_RUPIAH)) return fail('too-large');
  if (value === 0n && options.allowZero !== true) return fail('zero');
  return { ok: true, value: rupiah(Number(value)) };
}
