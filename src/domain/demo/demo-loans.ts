/**
 * The demo's loans and how each borrower behaves: most pay on time, some late (with a fine, now and
 * then waived), a few stop paying (so the loan report shows every collectibility class) and a few
 * settle early. Each plan is a list of dated repayments made from the CONTRACT §5 schedule.
 */
import { addDays, addMonthsClamped, compareDates, type BusinessDate } from '../dates.ts';
import type { LoanMethod } from '../entry/schema.ts';
import { buildSchedule, type Installment } from '../loans/schedule.ts';
import { rupiah } from '../money.ts';
import { applyBp } from '../rounding.ts';
import type { SeededRandom } from './prng.ts';

export type Behaviour =
  | { readonly kind: 'on-time' | 'late' | 'early' }
  | { readonly kind: 'stopped'; readonly daysPastDue: number };

export type PlannedRepayment = { date: BusinessDate; principal: number; interest: number; fine: number };

export type LoanTermsPlan = {
  principal: number;
  months: number;
  rateBp: number;
  method: LoanMethod;
  firstDue: BusinessDate;
  adminFee: number;
  fineBpPerDay: number;
};

/** Typical village-cooperative rates per month (research/domain.md §4): flat is quoted lowest. */
const RATE_BP: Readonly<Record<LoanMethod, number>> = { flat: 150, menurun: 200, anuitas: 175 };
const TERMS_MONTHS = [6, 10, 12, 12, 18, 24] as const;
export const DEMO_FINE_BP_PER_DAY = 10;
export const DEMO_ADMIN_FEE_BP = 100;

export function planTerms(random: SeededRandom, method: LoanMethod, disbursedOn: BusinessDate): LoanTermsPlan {
  const principal = random.amount(1_000_000, 10_000_000, 500_000);
  return {
    principal,
    months: random.pick(TERMS_MONTHS),
    rateBp: RATE_BP[method],
    method,
    firstDue: addMonthsClamped(disbursedOn, 1),
    adminFee: applyBp(rupiah(principal), DEMO_ADMIN_FEE_BP),
    fineBpPerDay: DEMO_FINE_BP_PER_DAY,
  };
}

/**
 * Every sixth loan stops being paid, at a point that leaves it 120, 210 or 330 days past due at the
 * end of the demo (kurang lancar, diragukan, macet under the default preset) — chosen, not rolled,
 * so every demo shows the whole collectibility spread. The rest are rolled.
 */
const STOPPED_DAYS_PAST_DUE = [120, 210, 330] as const;

export function pickBehaviour(random: SeededRandom, loanNumber: number): Behaviour {
  if (loanNumber % 6 === 5) {
    return { kind: 'stopped', daysPastDue: STOPPED_DAYS_PAST_DUE[Math.floor(loanNumber / 6) % STOPPED_DAYS_PAST_DUE.length] ?? 120 };
  }
  const roll = random.next();
  if (roll < 0.7) return { kind: 'on-time' };
  if (roll < 0.9) return { kind: 'late' };
  return { kind: 'early' };
}

export function scheduleOf(terms: LoanTermsPlan): Installment[] {
  return buildSchedule({
    principal: rupiah(terms.principal),
    months: terms.months,
    rateBp: terms.rateBp,
    method: terms.method,
    firstDue: terms.firstDue,
  });
}

/** A borrower who stops paying stops at the installment that leaves the loan `daysPastDue` behind on `until`. */
function stopIndex(schedule: readonly Installment[], daysPastDue: number, until: BusinessDate): number {
  const behind = addDays(until, -daysPastDue);
  const due = schedule.findIndex((i) => compareDates(i.due, behind) >= 0);
  return due === -1 ? Math.max(0, schedule.length - 1) : due;
}

/** The repayments this borrower makes, in date order, up to and including `until`. */
export function planRepayments(
  random: SeededRandom,
  terms: LoanTermsPlan,
  behaviour: Behaviour,
  until: BusinessDate,
): PlannedRepayment[] {
  const schedule = scheduleOf(terms);
  const out: PlannedRepayment[] = [];
  const stopAfter = behaviour.kind === 'stopped' ? stopIndex(schedule, behaviour.daysPastDue, until) : schedule.length;
  const settleAfter = behaviour.kind === 'early' ? random.int(2, Math.max(2, schedule.length - 2)) : schedule.length;
  let last = addDays(terms.firstDue, -40);
  for (const [k, installment] of schedule.entries()) {
    if (k >= stopAfter) break;
    if (k === settleAfter) {
      // Pelunasan dipercepat: the rest of the principal and the running month's interest.
      const rest = schedule.slice(k).reduce((total, i) => total + i.principal, 0);
      const date = addDays(installment.due, -random.int(0, 5));
      if (compareDates(date, until) <= 0 && compareDates(date, last) >= 0) {
        out.push({ date, principal: rest, interest: installment.interest, fine: 0 });
      }
      break;
    }
    const lateDays = behaviour.kind === 'late' ? random.int(4, 40) : 0;
    let date = behaviour.kind === 'late' ? addDays(installment.due, lateDays) : addDays(installment.due, -random.int(0, 3));
    if (compareDates(date, last) < 0) date = last;
    if (compareDates(date, until) > 0) break;
    const fine =
      lateDays > 0 && !random.chance(0.3)
        ? applyBp(rupiah(installment.principal + installment.interest), terms.fineBpPerDay * lateDays)
        : 0;
    out.push({ date, principal: installment.principal, interest: installment.interest, fine });
    last = date;
  }
  return out;
}
