/**
 * Why an accepted entry is flagged for review (CONTRACT §3 "accepted_flagged"). The cash already
 * changed hands, so these never reject an entry; they ask a person to look. Codes are kebab-case and
 * stable: the server returns them as push `reason`s and the flags report lists them.
 */
import type { FlagDetails } from './rows.ts';

export const FLAG_REASONS = [
  /** A withdrawal (or the reversal of a deposit) takes a member's savings of that kind below zero. */
  'savings-overdrawn',
  /** Pokok or wajib withdrawn while the member has not left: the AD/ART locks them during membership. */
  'savings-locked',
  /** Savings, a loan, a purchase, an edit or a departure for a member id never joined. */
  'member-unknown',
  /** A deposit or a new loan for a member who has left. */
  'member-left',
  /** member.left for a member who had already left. */
  'member-already-left',
  /** member.left while a loan of that member still has principal outstanding. */
  'member-left-with-open-loan',
  /** member.joined with a member id that already joined. */
  'member-id-reused',
  /** member.joined with a member number another member already has. */
  'member-number-taken',
  /** member.updated made without seeing another device's later edit of the same member. */
  'member-edit-conflict',
  /** The reversal of member.joined while the member still has savings, loans or later entries. */
  'member-has-activity',
  /** loan.disbursed with a loan id already disbursed. */
  'loan-id-reused',
  /** loan.repaid for a loan this ledger has not seen disbursed (yet). */
  'loan-unknown',
  /** loan.repaid whose member differs from the loan's member. */
  'loan-member-mismatch',
  /** loan.repaid whose principal is more than what is outstanding. */
  'repayment-exceeds-outstanding',
  /** The reversal of loan.disbursed while repayments of that loan stand. */
  'loan-has-repayments',
  /** An entry that changes the books of a year already closed (a reversal: at the original's date). */
  'date-in-closed-year',
  /** year.closed for a year that is already closed. */
  'year-already-closed',
  /** year.closed whose shu differs from revenue − expense of that year in this ledger. */
  'year-close-shu-mismatch',
  /** account.added for a code the chart already has (normally rejected upstream): the first stands. */
  'account-exists',
  /** settings.changed whose value the domain cannot use (e.g. an SHU allocation not summing to 10 000 bp). */
  'setting-invalid',
  /** A reversal whose target is unknown, already reversed, or itself a reversal (normally rejected upstream). */
  'reversal-invalid',
] as const;

export type FlagReason = (typeof FLAG_REASONS)[number];

export type Flag = { entryId: string; reason: FlagReason; details?: FlagDetails };

export function flagKey(entryId: string, reason: FlagReason): string {
  return `${entryId}|${reason}`;
}
