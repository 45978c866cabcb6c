/**
 * Reports on a ledger read in part (src/db/ledger-tables.ts: account months, the day rows of the
 * dates' months, member months from January of the SHU year on) equal the same reports on the whole
 * ledger, which is what the server folds and answers from — over random entry sequences with
 * back-dating, reversals, withdrawals, members who left, purchases by member ids that never joined
 * (generator: support/ledger-arbitrary.ts). And SHU taken backwards from today's balances equals
 * the forward sum of every month up to December it replaced.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assemble, BASE_READS, mergeParts, type LedgerRead, type TablePart } from '../../src/db/ledger-tables.ts';
import type { MemberId } from '../../src/domain/ids.ts';
import { foldEntries, type LedgerState, type TableName } from '../../src/domain/ledger/index.ts';
import { accountTotalsUpTo, shuOfYear } from '../../src/domain/ledger/queries.ts';
import { rupiah } from '../../src/domain/money.ts';
import { cashBookReads } from '../../src/domain/reports/cash-book.ts';
import { flaggedEntryIds, flagsReads } from '../../src/domain/reports/flags.ts';
import { balanceSheet, cashBook, flagsReport, incomeStatement, membersReport, monthlySeries, shuReport } from '../../src/domain/reports/index.ts';
import { membersReads } from '../../src/domain/reports/members.ts';
import { shuAllocation } from '../../src/domain/reports/settings.ts';
import { shuReads } from '../../src/domain/reports/shu.ts';
import { computeShu, type MemberBasis } from '../../src/domain/shu.ts';
import { accountDaysFor } from '../../src/features/reports/account-days.ts';
import { dateOf, play, scriptArb, type Step } from './support/ledger-arbitrary.ts';

const RUNS = { numRuns: 80 };
const dateArb = fc.integer({ min: -40, max: 770 }).map(dateOf);

/**
 * A script and `count` dates, each half the time the day of one of its own steps that `moves`
 * picks: a day with moves, which a report must split at (before it, through it, after it).
 */
const scriptAndDates = (count: number, moves: (step: Step) => boolean = () => true) =>
  scriptArb().chain((script) => {
    const days = script.filter(moves).map((step) => dateOf(step.day));
    const date = days.length === 0 ? dateArb : fc.oneof(dateArb, fc.constantFrom(...days));
    return fc.tuple(fc.constant(script), fc.array(date, { minLength: count, maxLength: count }));
  });

/** What `currentLedger` assembles from the store for `reads`, here cut from a whole ledger's tables. */
function readInPart(whole: LedgerState, reads: readonly LedgerRead[]): LedgerState {
  const parts = new Map<TableName, TablePart>();
  for (const read of [...BASE_READS, ...reads]) {
    const t = typeof read === 'string' ? read : read.table;
    const table: ReadonlyMap<string, unknown> = whole[t];
    const part: TablePart =
      typeof read === 'string'
        ? { held: 'whole', rows: [...table.values()] }
        : { held: [read.range], rows: [...table].filter(([k]) => k >= read.range.from && k < read.range.below).map(([, row]) => row) };
    parts.set(t, mergeParts(parts.get(t), part));
  }
  let lastPosted: string | null = null;
  for (const k of whole.accountPeriods.keys()) if (k.startsWith('d|') && (lastPosted === null || k.slice(2, 12) > lastPosted)) lastPosted = k.slice(2, 12);
  return assemble(parts, lastPosted);
}

/** The SHU as it was computed before: every member month up to December, summed forwards. */
function shuByForwardSum(state: LedgerState, year: number) {
  const capital = new Map<string, number>();
  const patronage = new Map<string, number>();
  const yearText = String(year);
  for (const row of state.memberPeriods.values()) {
    const rowYear = row.period.slice(0, 4);
    if (rowYear > yearText) continue;
    capital.set(row.memberId, (capital.get(row.memberId) ?? 0) + row.pokok + row.wajib);
    if (rowYear === yearText) patronage.set(row.memberId, (patronage.get(row.memberId) ?? 0) + row.interest + row.purchases);
  }
  const bases: MemberBasis[] = [];
  for (const [memberId, capitalBasis] of capital) {
    const patronageBasis = patronage.get(memberId) ?? 0;
    if (capitalBasis === 0 && patronageBasis === 0) continue;
    bases.push({ memberId: memberId as MemberId, capitalBasis: rupiah(capitalBasis), patronageBasis: rupiah(patronageBasis) });
  }
  return computeShu(year, shuOfYear(state, year), shuAllocation(state), bases);
}

/** A member's savings as they were once computed: every month before the date's, then its days through it, summed forwards. */
function savingsByForwardSum(state: LedgerState, memberId: string, date: string) {
  const month = date.slice(0, 7);
  const through = date.slice(8, 10);
  const sum = { pokok: 0, wajib: 0, sukarela: 0 };
  const add = (moves: { pokok: number; wajib: number; sukarela: number }) => {
    sum.pokok += moves.pokok;
    sum.wajib += moves.wajib;
    sum.sukarela += moves.sukarela;
  };
  for (const row of state.memberPeriods.values()) {
    if (row.memberId !== memberId || row.period > month) continue;
    if (row.period < month) add(row);
    else for (const [day, moves] of Object.entries(row.days)) if (day <= through) add(moves);
  }
  return sum;
}

describe('reports on a ledger read in part', () => {
  it('SHU from the member months of its year on equals SHU on every month, and the forward sum', () => {
    fc.assert(
      fc.property(scriptArb(), fc.constantFrom(2024, 2025, 2026, 2027), (script, year) => {
        const whole = foldEntries(play(script));
        const expected = shuByForwardSum(whole, year);
        expect(shuReport(whole, year)).toEqual(expected);
        expect(shuReport(readInPart(whole, shuReads(year)), year)).toEqual(expected);
      }),
      RUNS,
    );
  });

  it('the members report from the member months of its date on equals it on every month, and the forward sum', () => {
    fc.assert(
      fc.property(scriptAndDates(1, (step) => step.t === 'deposit' || step.t === 'withdraw'), ([script, [asOf = '2026-01-01']]) => {
        const whole = foldEntries(play(script));
        const expected = membersReport(whole, asOf);
        for (const line of expected.members) expect(line.savings).toEqual(savingsByForwardSum(whole, line.memberId, asOf));
        expect(membersReport(readInPart(whole, membersReads(asOf)), asOf)).toEqual(expected);
      }),
      RUNS,
    );
  });

  it('the flags report from the flagged entries’ index rows equals it on the whole entry index', () => {
    fc.assert(
      fc.property(scriptArb(), (script) => {
        const whole = foldEntries(play(script));
        const expected = flagsReport(whole);
        expect(flagsReport(readInPart(whole, flagsReads(flaggedEntryIds(whole.flags.values()))))).toEqual(expected);
      }),
      RUNS,
    );
  });

  it('Neraca, Laba rugi, the cash book and the month-end chart from month rows and their dates’ days equal the whole ledger’s', () => {
    fc.assert(
      fc.property(scriptAndDates(2, (step) => 'via' in step || step.t === 'transfer'), ([script, [a = '2026-01-01', b = a]]) => {
        const whole = foldEntries(play(script));
        const [from, to] = a <= b ? [a, b] : [b, a];
        // The book lists exactly the moves dated from..to (every move has a leg in or out).
        const dated = [...whole.cashMoves.values()].filter((move) => move.date >= from && move.date <= to).map((move) => move.entryId);
        expect(cashBook(whole, from, to).rows.map((row) => row.entryId).sort()).toEqual(dated.sort());
        expect(balanceSheet(readInPart(whole, accountDaysFor(to)), to)).toEqual(balanceSheet(whole, to));
        expect(incomeStatement(readInPart(whole, accountDaysFor(from, to)), from, to)).toEqual(incomeStatement(whole, from, to));
        expect(cashBook(readInPart(whole, [...cashBookReads(from, to), ...accountDaysFor(from)]), from, to)).toEqual(cashBook(whole, from, to));
        const months = [from.slice(0, 7), to.slice(0, 7)] as const;
        const series = monthlySeries(whole, ...months);
        expect(monthlySeries(readInPart(whole, []), ...months)).toEqual(series);
        // The month rows alone give what the day rows gave for a month end.
        for (const point of series) {
          const loans = accountTotalsUpTo(whole, '1-110', point.monthEnd, true);
          expect(point.loansOutstanding).toBe(loans.debit - loans.credit);
        }
      }),
      RUNS,
    );
  });

  it('a key, a range or a walk outside what was read throws instead of answering from the rows held', () => {
    const whole = foldEntries(play(fc.sample(scriptArb(80), { numRuns: 1, seed: 7 })[0] ?? []));
    const partial = readInPart(whole, shuReads(2026));
    expect(() => shuReport(partial, 2025)).toThrow(/memberPeriods was read only in part/);
    expect(() => partial.memberPeriods.get('m|2025-12|x')).toThrow(/outside the key ranges/);
    expect(partial.memberPeriods.get('m|2026-12|x')).toBeUndefined(); // inside: no row means none stored
    expect(() => [...partial.memberPeriods.values()]).toThrow(/a walk over it/);
    expect(() => partial.memberPeriods.size).toThrow(/read only in part/);
    expect(() => partial.accountPeriods.get('d|2025-03-04|1-101')).toThrow(/accountPeriods was read only in part/);
    expect(() => partial.cashMoves.get('x')).toThrow(/cashMoves was not read/);
    // A past date whose days were not read fails, rather than giving today's balances.
    const past = readInPart(whole, []);
    if (past.index.lastDate !== null && past.index.lastDate > '2025-01-15') expect(() => balanceSheet(past, '2025-01-15')).toThrow(/read only in part/);
  });
});
