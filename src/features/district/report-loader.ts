/** Fetches one report for the district pages and tags it with its name, checked by its schema. */
import type { AdminClient, AdminResult } from './admin-client.ts';
import type { ReportRequest } from './report-request.ts';
import {
  balanceSheetSchema,
  cashBookSchema,
  incomeStatementSchema,
  loansReportSchema,
  membersReportSchema,
  shuReportSchema,
  type BalanceSheetBody,
  type CashBookBody,
  type IncomeStatementBody,
  type LoansBody,
  type MembersBody,
  type ShuBody,
} from './report-schemas.ts';

export type LoadedReport =
  | { readonly report: 'balance-sheet'; readonly body: BalanceSheetBody }
  | { readonly report: 'income-statement'; readonly body: IncomeStatementBody }
  | { readonly report: 'cash-book'; readonly body: CashBookBody; readonly from: string }
  | { readonly report: 'members'; readonly body: MembersBody }
  | { readonly report: 'loans'; readonly body: LoansBody }
  | { readonly report: 'shu'; readonly body: ShuBody };

const tag = <T, R>(result: AdminResult<T>, f: (body: T) => R): AdminResult<R> => (result.ok ? { ok: true, value: f(result.value) } : result);

export async function loadReport(client: AdminClient, cooperativeId: string, request: ReportRequest): Promise<AdminResult<LoadedReport>> {
  const { report, query } = request;
  switch (report) {
    case 'balance-sheet':
      return tag(await client.report(cooperativeId, report, query, balanceSheetSchema), (body) => ({ report, body }));
    case 'income-statement':
      return tag(await client.report(cooperativeId, report, query, incomeStatementSchema), (body) => ({ report, body }));
    case 'cash-book':
      return tag(await client.report(cooperativeId, report, query, cashBookSchema), (body) => ({ report, body, from: query.from ?? '' }));
    case 'members':
      return tag(await client.report(cooperativeId, report, query, membersReportSchema), (body) => ({ report, body }));
    case 'loans':
      return tag(await client.report(cooperativeId, report, query, loansReportSchema), (body) => ({ report, body }));
    case 'shu':
      return tag(await client.report(cooperativeId, report, query, shuReportSchema), (body) => ({ report, body }));
  }
}
