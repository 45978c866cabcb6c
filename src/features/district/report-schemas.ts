/**
 * The CONTRACT §8 report bodies as the district pages receive them from
 * `GET /cooperatives/{id}/reports/{report}`, checked at the trust boundary. The server builds them
 * with `runReport` (src/domain/reports), the same code the phone runs; these schemas follow those
 * types field for field, so the numbers shown here are the phone's numbers.
 */
import { z } from 'zod';
import { isRupiah, type Rupiah } from '../../domain/money.ts';

/** Integer rupiah (CONTRACT §1), branded once it passed the check. */
const money = z.custom<Rupiah>(isRupiah, 'rupiah');
const date = z.string();
const accountType = z.enum(['asset', 'liability', 'equity', 'revenue', 'expense']);

export const balanceSheetSchema = z.object({
  asOf: date,
  accounts: z.array(z.object({ code: z.string(), name: z.string(), type: accountType, balance: money })),
  totals: z.object({ assets: money, liabilities: money, equity: money }),
});

const incomeLine = z.object({ code: z.string(), name: z.string(), amount: money });
export const incomeStatementSchema = z.object({
  from: date,
  to: date,
  revenues: z.array(incomeLine),
  expenses: z.array(incomeLine),
  totalRevenue: money,
  totalExpense: money,
  shu: money,
});

export const cashBookSchema = z.object({
  opening: money,
  rows: z.array(
    z.object({ date, entryId: z.string(), type: z.string(), memo: z.string(), in: money, out: money, balance: money }),
  ),
  closing: money,
});

export const membersReportSchema = z.object({
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

export const loansReportSchema = z.object({
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

export const shuReportSchema = z.object({
  year: z.number().int(),
  shu: money,
  funds: z.array(z.object({ fund: z.string(), bp: z.number().int(), amount: money })),
  members: z.array(
    z.object({
      memberId: z.string(),
      capitalBasis: money,
      patronageBasis: money,
      capital: money,
      patronage: money,
      total: money,
    }),
  ),
  remainder: money,
});

export const flagsReportSchema = z.object({
  flags: z.array(
    z.object({
      entryId: z.string(),
      reason: z.string(),
      type: z.string(),
      date,
      deviceId: z.string(),
      memberId: z.string().nullable(),
      loanId: z.string().nullable(),
      details: z.record(z.string(), z.union([z.string(), z.number(), z.null()])).nullable(),
    }),
  ),
});

export type BalanceSheetBody = z.infer<typeof balanceSheetSchema>;
export type IncomeStatementBody = z.infer<typeof incomeStatementSchema>;
export type CashBookBody = z.infer<typeof cashBookSchema>;
export type MembersBody = z.infer<typeof membersReportSchema>;
export type LoansBody = z.infer<typeof loansReportSchema>;
export type ShuBody = z.infer<typeof shuReportSchema>;
export type FlagsBody = z.infer<typeof flagsReportSchema>;
