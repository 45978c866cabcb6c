import { sortNatural } from '../../domain/reports/order.ts';
import type { ShuResult } from '../../domain/shu.ts';
import type { reportsMessages } from './messages.ts';
import { percentFromBp, section, type ReportSection } from './report-section.ts';

type Messages = ReturnType<typeof reportsMessages.current>;

/**
 * Pembagian SHU as two tables: the funds (percent from the allocation, amount), and each member's
 * bases and shares; the flooring remainder that goes to cadangan is shown under the members.
 * Used by the SHU report and by Tutup buku's preview, so the RAT sees the same numbers in both.
 */
export function shuSections(result: ShuResult, m: Messages, memberName: (memberId: string) => string): ReportSection[] {
  const total = { capitalBasis: 0, patronageBasis: 0, capital: 0, patronage: 0, total: 0 };
  for (const share of result.members) {
    total.capitalBasis += share.capitalBasis;
    total.patronageBasis += share.patronageBasis;
    total.capital += share.capital;
    total.patronage += share.patronage;
    total.total += share.total;
  }
  return [
    section(
      m.sections.funds,
      [
        { header: m.col.fund, kind: 'text', value: (f) => m.funds[f.fund] },
        { header: m.col.bp, kind: 'text', value: (f) => percentFromBp(f.bp) },
        { header: m.col.amount, kind: 'money', value: (f) => f.amount },
      ],
      result.funds,
      [[m.totals.shuOfYear, '100%', result.shu]],
    ),
    section(
      m.sections.members,
      [
        { header: m.col.member, kind: 'text', value: (s) => memberName(s.memberId) },
        { header: m.col.capitalBasis, kind: 'money', value: (s) => s.capitalBasis },
        { header: m.col.patronageBasis, kind: 'money', value: (s) => s.patronageBasis },
        { header: m.col.capital, kind: 'money', value: (s) => s.capital },
        { header: m.col.patronage, kind: 'money', value: (s) => s.patronage },
        { header: m.col.shuTotal, kind: 'money', value: (s) => s.total },
      ],
      // By member label (number first, in natural order): the RAT reads the list by member number.
      sortNatural(result.members, (share) => memberName(share.memberId)),
      [
        [`${m.totals.all} (${result.members.length})`, total.capitalBasis, total.patronageBasis, total.capital, total.patronage, total.total],
        [m.totals.remainder, null, null, null, null, result.remainder],
      ],
    ),
  ];
}
