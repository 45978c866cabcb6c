/**
 * The CONTRACT §8 report bodies as the district pages receive them from
 * `GET /cooperatives/{id}/reports/{report}`, checked at the trust boundary. The server builds them
 * with `runReport` (src/domain/reports), the same code the phone runs; these schemas follow those
 * types field for field (each schema is typed as the domain's report type), so the phone's report
 * tables (src/features/reports) render them unchanged and the numbers are the phone's numbers.
 */
import { z } from 'zod';
import { SHU_FUNDS } from '../../domain/chart.ts';
import { ENTRY_TYPES, memberIdSchema } from '../../domain/entry/schema.ts';
import { isRupiah, type Rupiah } from '../../domain/money.ts';
import type {
  BalanceSheet,
  CashBook,
  FlagsReport,
  IncomeStatement,
  LoansReport,
  MembersReport,
  ShuReport,
} from '../../domain/reports/index.ts';

/** Integer rupiah (CONTRACT §1), branded once it passed the check. */
const money = z.custom<Rupiah>(isRupiah, 'rupiah');
const date = z.string();
const accountType = z.enum(['asset', 'liability', 'equity', 'revenue', 'expense']);
const entryType = z.enum(ENTRY_TYPES);

export const balanceSheetSchema: z.ZodType<BalanceSheet> = z.object({
  asOf: date,
  accounts: z.array(z.object({ code: z.string(), name: z.string(), type: accountType, balance: money })),
  totals: z.object({ assets: money, liabilities: money, equity: money }),
});

const incomeLine = z.object({ code: z.string(), name: z.string(), amount: money });
export const incomeStatementSchema: z.ZodType<IncomeStatement> = z.object({
  from: date,
  to: date,
  revenues: z.array(incomeLine),
  expenses: z.array(incomeLine),
  totalRevenue: money,
  totalExpense: money,
  shu: money,
});

export const cashBookSchema: z.ZodType<CashBook> = z.object({
  opening: money,
  rows: z.array(
    z.object({ date, entryId: z.string(), type: entryType, memo: z.string(), in: money, out: money, balance: money }),
  ),
  closing: money,
});

export const membersReportSchema: z.ZodType<MembersReport> = z.object({
  members: z.array(
    z.object({
      memberId: z.string(),
      number: z.string(),
      name: z.string(),
      status: z.enum(['active', 'left', 'unknown']),
      savings: z.object({ pokok: money, wajib: money, sukarela: money }),
      loanOutstanding: money,
    }),
  ),
});

export const COLLECTIBILITIES = ['lancar', 'kurang_lancar', 'diragukan', 'macet'] as const;
export type CollectibilityClass = (typeof COLLECTIBILITIES)[number];

export const loansReportSchema: z.ZodType<LoansReport> = z.object({
  loans: z.array(
    z.object({
      loanId: z.string(),
      memberId: z.string().nullable(),
      principal: money,
      outstanding: money,
      interestPaid: money,
      nextDue: date.nullable(),
      daysPastDue: z.number().int(),
      collectibility: z.enum(COLLECTIBILITIES),
    }),
  ),
});

export const shuReportSchema: z.ZodType<ShuReport> = z.object({
  year: z.number().int(),
  shu: money,
  funds: z.array(z.object({ fund: z.enum(SHU_FUNDS), bp: z.number().int(), amount: money })),
  members: z.array(
    z.object({
      memberId: memberIdSchema,
      capitalBasis: money,
      patronageBasis: money,
      capital: money,
      patronage: money,
      total: money,
    }),
  ),
  remainder: money,
});

export const flagsReportSchema: z.ZodType<FlagsReport> = z.object({
  flags: z.array(
    z.object({
      entryId: z.string(),
      reason: z.string(),
      type: entryType,
      date,
      deviceId: z.string(),
      memberId: z.string().nullable(),
      loanId: z.string().nullable(),
      details: z.record(z.string(), z.union([z.string(), z.number(), z.null()])).nullable(),
    }),
  ),
});

export type BalanceSheetBody = BalanceSheet;
export type IncomeStatementBody = IncomeStatement;
export type CashBookBody = CashBook;
export type MembersBody = MembersReport;
export type LoansBody = LoansReport;
export type ShuBody = ShuReport;
export type FlagsBody = FlagsReport;
