/**
 * Properties of the fold over random valid entry sequences (generator: support/ledger-arbitrary.ts).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Entry } from '../../src/domain/entry/schema.ts';
import {
  applyEntry,
  emptyLedger,
  foldEntries,
  ledgerFromTables,
  ledgerTables,
  TABLE_NAMES,
  type LedgerRows,
  type LedgerState,
  type TableName,
} from '../../src/domain/ledger/index.ts';
import { balanceSheet, cashBook, incomeStatement, loansReport, membersReport } from '../../src/domain/reports/index.ts';
import { dateOf, play, scriptArb } from './support/ledger-arbitrary.ts';
import { Book } from './support/ledger-book.ts';

const RUNS = { numRuns: 120 };
const asOfArb = fc.integer({ min: -30, max: 760 }).map(dateOf);

/** The projections, without the entry index and flags (which remember reversed entries by design). */
function business(state: LedgerState): Omit<LedgerRows, 'entries' | 'flags'> {
  const { entries: _entries, flags: _flags, ...rest } = ledgerTables(state);
  const sorted = Object.entries(rest).map(([name, rows]) => [
    name,
    [...(rows as object[])].sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1)),
  ]);
  return Object.fromEntries(sorted) as Omit<LedgerRows, 'entries' | 'flags'>;
}

function sortedTables(rows: LedgerRows): Record<string, unknown[]> {
  return Object.fromEntries(
    Object.entries(rows).map(([name, list]) => [name, [...(list as object[])].map((r) => JSON.stringify(r)).sort()]),
  );
}

describe('fold properties', () => {
  it('Σ debit = Σ credit over the accounts and over every period', () => {
    fc.assert(
      fc.property(scriptArb(), (script) => {
        const state = foldEntries(play(script));
        let debit = 0;
        let credit = 0;
        for (const row of state.accounts.values()) {
          debit += row.debit;
          credit += row.credit;
        }
        expect(debit).toBe(credit);
        const byPeriod = new Map<string, number>();
        for (const row of state.accountPeriods.values()) {
          const key = `${row.grain}|${row.period}`;
          byPeriod.set(key, (byPeriod.get(key) ?? 0) + row.debit - row.credit);
        }
        for (const net of byPeriod.values()) expect(net).toBe(0);
      }),
      RUNS,
    );
  });

  it('assets = liabilities + equity at any date; reports reconcile with the accounts', () => {
    fc.assert(
      fc.property(scriptArb(), asOfArb, (script, asOf) => {
        const state = foldEntries(play(script));
        const sheet = balanceSheet(state, asOf);
        expect(sheet.totals.assets).toBe(sheet.totals.liabilities + sheet.totals.equity);
        const balance = (code: string) => sheet.accounts.find((a) => a.code === code)?.balance ?? 0;
        const members = membersReport(state, asOf).members;
        const total = (pick: (m: (typeof members)[number]) => number) => members.reduce((s, m) => s + pick(m), 0);
        expect(total((m) => m.savings.pokok)).toBe(balance('3-101'));
        expect(total((m) => m.savings.wajib)).toBe(balance('3-102'));
        expect(total((m) => m.savings.sukarela)).toBe(balance('2-101'));
        const loans = loansReport(state, asOf).loans;
        expect(loans.reduce((s, l) => s + l.outstanding, 0)).toBe(balance('1-110'));
        // The cash book's closing is the money accounts' balance, and its rows add up.
        const book = cashBook(state, '2025-01-01', asOf < '2025-01-01' ? '2025-01-01' : asOf);
        expect(book.opening).toBe(0);
        const to = asOf < '2025-01-01' ? '2025-01-01' : asOf;
        const money = balanceSheet(state, to);
        const cash = ['1-101', '1-102', '1-103'].reduce((s, c) => s + (money.accounts.find((a) => a.code === c)?.balance ?? 0), 0);
        expect(book.closing).toBe(cash);
        expect(book.rows.reduce((s, r) => s + r.in - r.out, 0)).toBe(cash);
        // 3-130 = its postings + the income statement since the beginning.
        const income = incomeStatement(state, '2000-01-01', asOf);
        const posted = [...state.accountPeriods.values()]
          .filter((r) => r.code === '3-130' && r.grain === 'd' && r.period <= asOf)
          .reduce((s, r) => s + r.credit - r.debit, 0);
        expect(balance('3-130')).toBe(posted + income.shu);
      }),
      RUNS,
    );
  });

  it('incremental fold = recompute: writing only the touched rows reproduces the full fold', () => {
    fc.assert(
      fc.property(scriptArb(), fc.nat(), (script, cut) => {
        const entries = play(script);
        const live = emptyLedger();
        // The phone's store: one map per table, written only where `touched` says.
        const store = new Map<TableName, Map<string, unknown>>(TABLE_NAMES.map((t) => [t, new Map()]));
        const keyOf: Record<TableName, (row: never) => string> = {
          accounts: (r: { code: string }) => r.code,
          accountPeriods: (r: { key: string }) => r.key,
          chart: (r: { code: string }) => r.code,
          members: (r: { memberId: string }) => r.memberId,
          memberPeriods: (r: { key: string }) => r.key,
          loans: (r: { loanId: string }) => r.loanId,
          settings: (r: { key: string }) => r.key,
          closedYears: (r: { year: number }) => String(r.year),
          entries: (r: { entryId: string }) => r.entryId,
          cashMoves: (r: { key: string }) => r.key,
          flags: (r: { key: string }) => r.key,
        };
        const initial = ledgerTables(live);
        for (const name of TABLE_NAMES) {
          for (const row of initial[name]) store.get(name)?.set(keyOf[name](row as never), structuredClone(row));
        }
        const split = entries.length === 0 ? 0 : cut % (entries.length + 1);
        let state = live;
        entries.forEach((entry, k) => {
          if (k === split) {
            // Restart from what was persisted, as the phone does when the app opens again.
            state = ledgerFromTables(fromStore(store));
          }
          const { touched } = applyEntry(state, entry);
          for (const name of TABLE_NAMES) {
            const table = tableOf(state, name);
            const target = store.get(name);
            for (const key of touched[name]) {
              const row = table.get(key);
              if (row === undefined) target?.delete(key);
              else target?.set(key, structuredClone(row));
            }
          }
        });
        expect(sortedTables(fromStore(store))).toEqual(sortedTables(ledgerTables(foldEntries(entries))));
      }),
      { numRuns: 80 },
    );
  });

  it('an entry and its reversal count as if neither existed', () => {
    fc.assert(
      fc.property(scriptArb(40), fc.nat(), fc.nat(), asOfArb, (script, pickTarget, pickPlace, asOf) => {
        const entries = play(script);
        const reversedIds = new Set(entries.flatMap((e) => (e.type === 'entry.reversed' ? [e.data.entryId] : [])));
        const candidates = entries
          .map((e, k) => ({ e, k }))
          .filter(({ e }) => e.type !== 'entry.reversed' && !reversedIds.has(e.id));
        fc.pre(candidates.length > 0);
        const { e: target, k } = candidates[pickTarget % candidates.length] ?? { e: entries[0] as Entry, k: 0 };
        const reversal = new Book(undefined, 9).reverse(target, '2026-12-31');
        const place = k + 1 + (pickPlace % (entries.length - k));
        const withBoth = [...entries.slice(0, place), reversal, ...entries.slice(place)];
        const without = entries.filter((e) => e.id !== target.id);
        const a = foldEntries(withBoth);
        const b = foldEntries(without);
        expect(business(a)).toEqual(business(b));
        expect(balanceSheet(a, asOf)).toEqual(balanceSheet(b, asOf));
        expect(membersReport(a, asOf)).toEqual(membersReport(b, asOf));
        expect(loansReport(a, asOf)).toEqual(loansReport(b, asOf));
      }),
      RUNS,
    );
  });
});

function tableOf(state: LedgerState, name: TableName): Map<string, unknown> {
  return state[name];
}

function fromStore(store: Map<TableName, Map<string, unknown>>): LedgerRows {
  const rows = (name: TableName) => [...(store.get(name)?.values() ?? [])].map((r) => structuredClone(r));
  return Object.fromEntries(TABLE_NAMES.map((name) => [name, rows(name)])) as unknown as LedgerRows;
}
