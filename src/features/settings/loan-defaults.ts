/**
 * The cooperative's loan defaults (`settings.changed` key `loanDefaults`), which the Pinjaman forms
 * start from: `{rateBp, months, method, adminFeeBp?, fineBpPerDay}`. Rates are basis points (per
 * month for interest, of the principal for the admin fee, per day for the fine), integers only.
 */
import { z } from 'zod';
import { LOAN_METHODS, type LoanMethod } from '../../domain/entry/schema.ts';
import type { JsonValue } from '../../domain/ledger/index.ts';

export const LOAN_DEFAULTS_SETTING = 'loanDefaults';

export type LoanDefaults = {
  readonly rateBp: number;
  readonly months: number;
  readonly method: LoanMethod;
  readonly adminFeeBp?: number;
  readonly fineBpPerDay: number;
};

/** research/domain.md §4: 1,5 % flat per month over 12 months, 1 % admin, 0,1 % fine per day. */
export const DEFAULT_LOAN_DEFAULTS: LoanDefaults = Object.freeze({
  rateBp: 150,
  months: 12,
  method: 'flat',
  adminFeeBp: 100,
  fineBpPerDay: 10,
});

const schema = z
  .object({
    rateBp: z.number().int().min(0).max(10_000),
    months: z.number().int().min(1).max(360),
    method: z.enum(LOAN_METHODS),
    adminFeeBp: z.number().int().min(0).max(9_999).optional(),
    fineBpPerDay: z.number().int().min(0).max(10_000),
  })
  .strict();

export function parseLoanDefaults(value: JsonValue | undefined): LoanDefaults | undefined {
  const parsed = schema.safeParse(value);
  if (!parsed.success) return undefined;
  const { adminFeeBp, ...rest } = parsed.data;
  return adminFeeBp === undefined ? rest : { ...rest, adminFeeBp };
}

export function loanDefaultsOf(settings: Readonly<Record<string, JsonValue>> | undefined): LoanDefaults {
  return parseLoanDefaults(settings?.[LOAN_DEFAULTS_SETTING]) ?? DEFAULT_LOAN_DEFAULTS;
}
