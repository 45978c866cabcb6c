/**
 * Which report the office asked for and with what parameters, checked before it is sent: the same
 * rules as the server's query schemas (src/domain/reports REPORT_QUERIES), so the staff sees the
 * problem in words at the field instead of a 400.
 */
import { isValidBusinessDate } from '../../domain/dates.ts';

export const DISTRICT_REPORTS = ['balance-sheet', 'income-statement', 'cash-book', 'members', 'loans', 'shu'] as const;
export type DistrictReport = (typeof DISTRICT_REPORTS)[number];

export const VIA_CHOICES = ['all', 'cash', 'bank', 'qris'] as const;
export type ViaChoice = (typeof VIA_CHOICES)[number];

export type ReportInputs = {
  readonly asOf: string;
  readonly from: string;
  readonly to: string;
  readonly via: ViaChoice;
  readonly year: string;
};

export type ReportProblem = 'dateInvalid' | 'rangeReversed' | 'yearInvalid';
export type ReportProblems = Partial<Record<'asOf' | 'from' | 'to' | 'year', ReportProblem>>;

export type ReportRequest = { readonly report: DistrictReport; readonly query: Readonly<Record<string, string>> };

export function isDistrictReport(value: string): value is DistrictReport {
  return (DISTRICT_REPORTS as readonly string[]).includes(value);
}

export function defaultInputs(today: string): ReportInputs {
  return { asOf: today, from: `${today.slice(0, 4)}-01-01`, to: today, via: 'all', year: today.slice(0, 4) };
}

export function reportProblems(report: DistrictReport, inputs: ReportInputs): ReportProblems {
  const date = (value: string): ReportProblem | undefined => (isValidBusinessDate(value) ? undefined : 'dateInvalid');
  switch (report) {
    case 'balance-sheet':
    case 'members':
    case 'loans': {
      const asOf = date(inputs.asOf);
      return asOf === undefined ? {} : { asOf };
    }
    case 'income-statement':
    case 'cash-book': {
      const problems: ReportProblems = {};
      const from = date(inputs.from);
      const to = date(inputs.to);
      if (from !== undefined) problems.from = from;
      if (to !== undefined) problems.to = to;
      if (from === undefined && to === undefined && inputs.from > inputs.to) problems.to = 'rangeReversed';
      return problems;
    }
    case 'shu': {
      const year = Number(inputs.year);
      return /^\d{4}$/.test(inputs.year.trim()) && year >= 2000 && year <= 2200 ? {} : { year: 'yearInvalid' };
    }
  }
}

/** The request for valid inputs, or undefined while any parameter has a problem. */
export function reportRequest(report: DistrictReport, inputs: ReportInputs): ReportRequest | undefined {
  if (Object.keys(reportProblems(report, inputs)).length > 0) return undefined;
  switch (report) {
    case 'balance-sheet':
    case 'members':
    case 'loans':
      return { report, query: { asOf: inputs.asOf } };
    case 'income-statement':
      return { report, query: { from: inputs.from, to: inputs.to } };
    case 'cash-book':
      return { report, query: inputs.via === 'all' ? { from: inputs.from, to: inputs.to } : { from: inputs.from, to: inputs.to, via: inputs.via } };
    case 'shu':
      return { report, query: { year: inputs.year.trim() } };
  }
}
