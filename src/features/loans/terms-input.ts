/**
 * The loan terms a treasurer types (pokok, lama, bunga, biaya administrasi), validated as typed.
 * Shared by the simulator and the disbursal form, so both read the same numbers the same way.
 */
import { useEffect, useState } from 'react';
import type { Rupiah } from '../../domain/money.ts';
import { useAmountInput, type AmountInput } from '../forms/index.ts';
import { formatBpPercent, parseMonths, parsePercentToBp, type MonthsCheck, type RateCheck } from './rate-input.ts';

/** 10 % per month: above it a typing slip (15 for 1,5) is far likelier than a real loan. */
export const MAX_RATE_BP = 1_000;
export const MAX_MONTHS = 120;
/** 1 % of the late installment per day. */
export const MAX_FINE_BP_PER_DAY = 100;

export type TextInput<C> = {
  readonly text: string;
  readonly set: (text: string) => void;
  readonly touched: boolean;
  readonly touch: () => void;
  readonly check: C;
  /** Fills the field without marking it as the user's own (a default that arrived later). */
  readonly prefill: (text: string) => void;
};

function useTextInput<C>(initial: string, parse: (text: string) => C): TextInput<C> {
  const [text, setText] = useState(initial);
  const [touched, setTouched] = useState(false);
  return {
    text,
    set: (next) => {
      setText(next);
      setTouched(true);
    },
    touched,
    touch: () => setTouched(true),
    check: parse(text),
    prefill: setText,
  };
}

export type LoanTermsInput = {
  readonly principal: AmountInput;
  readonly months: TextInput<MonthsCheck>;
  readonly rate: TextInput<RateCheck>;
  readonly adminFee: AmountInput;
  readonly feeTooLarge: boolean;
  /** All four valid (and the fee below the principal), or undefined. */
  readonly value: { principal: Rupiah; months: number; rateBp: number; adminFee: Rupiah } | undefined;
};

/** "1,5" for 150 bp: the percent as it is typed back into a field. */
export const bpAsInput = (bp: number): string => formatBpPercent(bp).replace(/ %$/, '');

export function useLoanTermsInput(initial: { months: number; rateBp: number; principal?: string; adminFee?: string }): LoanTermsInput {
  const principal = useAmountInput(initial.principal === undefined ? {} : { initial: initial.principal });
  const months = useTextInput(String(initial.months), (text) => parseMonths(text, MAX_MONTHS));
  const rate = useTextInput(bpAsInput(initial.rateBp), (text) => parsePercentToBp(text, MAX_RATE_BP));
  const adminFee = useAmountInput({ allowZero: true, initial: initial.adminFee ?? '0' });
  const feeTooLarge = principal.value !== undefined && adminFee.value !== undefined && adminFee.value >= principal.value;
  const value =
    principal.value !== undefined && months.check.ok && rate.check.ok && adminFee.value !== undefined && !feeTooLarge
      ? { principal: principal.value, months: months.check.months, rateBp: rate.check.bp, adminFee: adminFee.value }
      : undefined;
  return { principal, months, rate, adminFee, feeTooLarge, value };
}

export function useFineInput(initialBp: number): TextInput<RateCheck> {
  return useTextInput(bpAsInput(initialBp), (text) => parsePercentToBp(text, MAX_FINE_BP_PER_DAY));
}

/**
 * Settings load after the first render: fill months and rate from the cooperative's defaults once
 * they arrive, unless the user already typed their own.
 */
export function usePrefillTerms(input: LoanTermsInput, defaults: { months: number; rateBp: number }): void {
  const { months, rate } = input;
  useEffect(() => {
    if (!months.touched) months.prefill(String(defaults.months));
    if (!rate.touched) rate.prefill(bpAsInput(defaults.rateBp));
    // Only new defaults re-fill; the inputs' functions are new objects every render.
  }, [defaults.months, defaults.rateBp]);
}
