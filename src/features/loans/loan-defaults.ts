/**
 * The cooperative's loan defaults (`settings.changed` key `loanDefaults`, recorded in Pengaturan):
 * `{rateBp, months, method, adminFeeBp?, fineBpPerDay}`. A missing or unusable value falls back to
 * field by field defaults, so a half-written setting never blocks a disbursal.
 */
import type { LoanMethod } from '../../domain/entry/schema.ts';
import type { JsonValue } from '../../domain/ledger/index.ts';
import type { Rupiah } from '../../domain/money.ts';
import { applyBp } from '../../domain/rounding.ts';

export type LoanDefaults = {
  readonly rateBp: number;
  readonly months: number;
  readonly method: LoanMethod;
  /** Admin fee as a share of the principal (100 = 1 %), or a fixed amount; both 0 when none. */
  readonly adminFeeBp: number;
  readonly adminFeeFixed: number;
  readonly fineBpPerDay: number;
};

/** What most village cooperatives use when nothing is set: 1,5 % flat, 12 months, no fee, no fine. */
export const FALLBACK_LOAN_DEFAULTS: LoanDefaults = {
  rateBp: 150,
  months: 12,
  method: 'flat',
  adminFeeBp: 0,
  adminFeeFixed: 0,
  fineBpPerDay: 0,
};

const intIn = (value: JsonValue | undefined, min: number, max: number): number | undefined =>
  typeof value === 'number' && Number.isSafeInteger(value) && value >= min && value <= max ? value : undefined;

const isMethod = (value: JsonValue | undefined): value is LoanMethod => value === 'flat' || value === 'menurun' || value === 'anuitas';

export function parseLoanDefaults(value: JsonValue | undefined): LoanDefaults {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return FALLBACK_LOAN_DEFAULTS;
  const f = FALLBACK_LOAN_DEFAULTS;
  return {
    rateBp: intIn(value.rateBp, 0, 10_000) ?? f.rateBp,
    months: intIn(value.months, 1, 120) ?? f.months,
    method: isMethod(value.method) ? value.method : f.method,
    adminFeeBp: intIn(value.adminFeeBp, 0, 10_000) ?? f.adminFeeBp,
    adminFeeFixed: intIn(value.adminFee, 0, Number.MAX_SAFE_INTEGER) ?? f.adminFeeFixed,
    fineBpPerDay: intIn(value.fineBpPerDay, 0, 10_000) ?? f.fineBpPerDay,
  };
}

/** The default admin fee for a principal: the fixed amount if one is set, else the share. */
export function defaultAdminFee(defaults: LoanDefaults, principal: Rupiah | undefined): number {
  if (defaults.adminFeeFixed > 0) return defaults.adminFeeFixed;
  if (principal === undefined || defaults.adminFeeBp === 0) return 0;
  return applyBp(principal, defaults.adminFeeBp);
}
