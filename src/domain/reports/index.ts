/**
 * The CONTRACT §8 reports behind one typed dispatcher. The server's
 * `GET /cooperatives/{id}/reports/{report}` and the phone's report screens both call `runReport`,
 * so both answer the same query with the same body, to the rupiah.
 *
 * Queries arrive as URL query strings, so every field is validated here (strictly: a misspelt
 * parameter is an error, not silently ignored) and a bad one is a typed error, never a throw.
 */
import { z } from 'zod';
import { businessDate, loanIdSchema, viaSchema } from '../entry/schema.ts';
import type { LedgerState } from '../ledger/state.ts';
import { balanceSheet, type BalanceSheet } from './balance-sheet.ts';
import { cashBook, type CashBook } from './cash-book.ts';
import { flagsReport, type FlagsReport } from './flags.ts';
import { incomeStatement, type IncomeStatement } from './income-statement.ts';
import { loanScheduleReport, type LoanScheduleReport } from './loan-schedule.ts';
import { loansReport, type LoansReport } from './loans.ts';
import { membersReport, type MembersReport } from './members.ts';
import { shuReport, type ShuReport } from './shu.ts';

export { balanceSheet, cashBook, flagsReport, incomeStatement, loanScheduleReport, loansReport, membersReport, shuReport };
export { monthlySeries, type MonthPoint } from './monthly-series.ts';
export type { BalanceSheet, CashBook, FlagsReport, IncomeStatement, LoanScheduleReport, LoansReport, MembersReport, ShuReport };

const notReversed = (q: { from: string; to: string }): boolean => q.from <= q.to;
const reversedRange = { error: 'range-reversed', path: ['to'] };

/** A year as a query string (`"2026"`) or a number. */
const year = z.union([z.number(), z.string().regex(/^\d{4}$/).transform(Number)]).pipe(z.number().int().min(2000).max(2200));

export const REPORT_QUERIES = {
  'balance-sheet': z.object({ asOf: businessDate }).strict(),
  'income-statement': z.object({ from: businessDate, to: businessDate }).strict().refine(notReversed, reversedRange),
  'cash-book': z
    .object({ from: businessDate, to: businessDate, via: viaSchema.optional() })
    .strict()
    .refine(notReversed, reversedRange),
  members: z.object({ asOf: businessDate }).strict(),
  loans: z.object({ asOf: businessDate }).strict(),
  'loan-schedule': z.object({ loanId: loanIdSchema }).strict(),
  shu: z.object({ year }).strict(),
  flags: z.object({}).strict(),
} as const;

export type ReportName = keyof typeof REPORT_QUERIES;
export const REPORT_NAMES = Object.keys(REPORT_QUERIES) as ReportName[];
export type ReportQuery<N extends ReportName> = z.input<(typeof REPORT_QUERIES)[N]>;

export type ReportBodies = {
  'balance-sheet': BalanceSheet;
  'income-statement': IncomeStatement;
  'cash-book': CashBook;
  members: MembersReport;
  loans: LoansReport;
  'loan-schedule': LoanScheduleReport;
  shu: ShuReport;
  flags: FlagsReport;
};

export type ReportErrorCode = 'report-unknown' | 'query-invalid' | 'loan-not-found';

export type ReportError = {
  code: ReportErrorCode;
  /** Indonesian first: the server sends it as the error message as is. */
  message: string;
  /** The HTTP status the server answers with. */
  status: 400 | 404;
  details?: unknown;
};

export type ReportOutcome<N extends ReportName> =
  | { ok: true; report: N; body: ReportBodies[N] }
  | { ok: false; error: ReportError };

const invalidQuery = (error: z.ZodError): ReportError => ({
  code: 'query-invalid',
  message: 'Parameter laporan tidak valid.',
  status: 400,
  details: error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message })),
});

function isReportError(value: object): value is ReportError {
  return 'code' in value && 'status' in value && 'message' in value;
}

/** Validates the query with the report's schema, then runs it. */
function defineReport<N extends ReportName, S extends z.ZodType>(
  name: N,
  schema: S,
  body: (state: LedgerState, q: z.output<S>) => ReportBodies[N] | ReportError,
): (state: LedgerState, query: unknown) => ReportOutcome<N> {
  return (state, query) => {
    const parsed = schema.safeParse(query ?? {});
    if (!parsed.success) return { ok: false, error: invalidQuery(parsed.error) };
    const result = body(state, parsed.data);
    return isReportError(result) ? { ok: false, error: result } : { ok: true, report: name, body: result };
  };
}

const Q = REPORT_QUERIES;

const RUNNERS: { [N in ReportName]: (state: LedgerState, query: unknown) => ReportOutcome<N> } = {
  'balance-sheet': defineReport('balance-sheet', Q['balance-sheet'], (state, q) => balanceSheet(state, q.asOf)),
  'income-statement': defineReport('income-statement', Q['income-statement'], (state, q) =>
    incomeStatement(state, q.from, q.to),
  ),
  'cash-book': defineReport('cash-book', Q['cash-book'], (state, q) => cashBook(state, q.from, q.to, q.via)),
  members: defineReport('members', Q.members, (state, q) => membersReport(state, q.asOf)),
  loans: defineReport('loans', Q.loans, (state, q) => loansReport(state, q.asOf)),
  'loan-schedule': defineReport(
    'loan-schedule',
    Q['loan-schedule'],
    (state, q) =>
      loanScheduleReport(state, q.loanId) ?? {
        code: 'loan-not-found',
        message: 'Pinjaman tidak ditemukan.',
        status: 404,
        details: { loanId: q.loanId },
      },
  ),
  shu: defineReport('shu', Q.shu, (state, q) => shuReport(state, q.year)),
  flags: defineReport('flags', Q.flags, (state) => flagsReport(state)),
};

export function isReportName(name: string): name is ReportName {
  return Object.hasOwn(REPORT_QUERIES, name);
}

export function runReport<N extends ReportName>(name: N, state: LedgerState, query: unknown): ReportOutcome<N>;
export function runReport(name: string, state: LedgerState, query: unknown): ReportOutcome<ReportName>;
export function runReport(name: string, state: LedgerState, query: unknown): ReportOutcome<ReportName> {
  if (!isReportName(name)) {
    return { ok: false, error: { code: 'report-unknown', message: `Laporan "${name}" tidak dikenal.`, status: 404 } };
  }
  return RUNNERS[name](state, query);
}
