/**
 * The state of one amount typed by the user: the raw text (kept as typed, so the caret never jumps)
 * and what it parses to. Screens read `value` (a Rupiah, or undefined while invalid) and never parse
 * text themselves.
 */
import { useMemo, useState } from 'react';
import { parseRupiahInput, type MoneyInputError } from '../../domain/money-input.ts';
import type { Rupiah } from '../../domain/money.ts';

/**
 * Rp10 miliar: far beyond any one movement of a village cooperative, so a slip of the thumb (three
 * zeros too many) is caught as the user types. A screen can pass its own cap.
 */
export const ABSURD_AMOUNT = 10_000_000_000;

export type AmountOptions = {
  /** adminFee, interest and fine may be 0 (CONTRACT §2); other amounts must be positive. */
  readonly allowZero?: boolean;
  /** Largest believable amount; above it the field says "too large". */
  readonly max?: number;
  readonly initial?: string;
};

export type AmountCheck =
  | { readonly ok: true; readonly value: Rupiah }
  | { readonly ok: false; readonly error: MoneyInputError; readonly max?: number };

export function checkAmount(text: string, options: AmountOptions = {}): AmountCheck {
  const parsed = parseRupiahInput(text, options.allowZero === true ? { allowZero: true } : {});
  if (!parsed.ok) return parsed;
  const max = options.max ?? ABSURD_AMOUNT;
  if (parsed.value > max) return { ok: false, error: 'too-large', max };
  return parsed;
}

export type AmountInput = {
  readonly text: string;
  readonly setText: (text: string) => void;
  readonly check: AmountCheck;
  /** The parsed amount, or undefined while the text is not a valid amount. */
  readonly value: Rupiah | undefined;
  /** True once the user typed something or left the field: only then are errors shown. */
  readonly touched: boolean;
  readonly touch: () => void;
  readonly reset: (text?: string) => void;
};

export function useAmountInput(options: AmountOptions = {}): AmountInput {
  const [text, setTextState] = useState(options.initial ?? '');
  const [touched, setTouched] = useState(false);
  const { allowZero, max } = options;
  const check = useMemo(
    () => checkAmount(text, { ...(allowZero === undefined ? {} : { allowZero }), ...(max === undefined ? {} : { max }) }),
    [text, allowZero, max],
  );
  return {
    text,
    setText: (next: string) => {
      setTextState(next);
      setTouched(true);
    },
    check,
    value: check.ok ? check.value : undefined,
    touched,
    touch: () => setTouched(true),
    reset: (next = '') => {
      setTextState(next);
      setTouched(false);
    },
  };
}
