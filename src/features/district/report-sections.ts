/**
 * A server report turned into the phone's report sections, with the phone's own builders
 * (src/features/reports/views): one layout, one set of words, one CSV for the same report
 * wherever it is read. Member ids become "001 · Siti Aminah" from the members report.
 */
import type { EntryType } from '../../domain/entry/schema.ts';
import { flagMessages } from '../forms/flag-text.ts';
import { membersMessages } from '../members/messages.ts';
import { reportsMessages } from '../reports/messages.ts';
import type { ReportSection } from '../reports/report-section.ts';
import { shuSections } from '../reports/shu-sections.ts';
import { balanceSheetSections } from '../reports/views/BalanceSheetView.tsx';
import { cashBookSections } from '../reports/views/CashBookView.tsx';
import { flagsSections } from '../reports/views/FlagsView.tsx';
import { incomeStatementSections } from '../reports/views/IncomeStatementView.tsx';
import { loansSections } from '../reports/views/LoansView.tsx';
import { membersSections } from '../reports/views/MembersView.tsx';
import type { Language } from '../../i18n/catalog.ts';
import { lookup } from './lookup.ts';
import { memberLabel, type MemberNames } from './member-names.ts';
import type { LoadedReport } from './report-loader.ts';
import type { FlagsBody } from './report-schemas.ts';

type Words = {
  readonly report: ReturnType<typeof reportsMessages.in>;
  readonly typeName: (type: EntryType) => string;
  readonly member: (memberId: string | null) => string;
};

function words(language: Language, names: MemberNames): Words {
  const report = reportsMessages.in(language);
  const types = membersMessages.in(language).types;
  return { report, typeName: (type) => types[type], member: (memberId) => memberLabel(names, memberId, report.unknownMember) };
}

export function loadedSections(loaded: LoadedReport, language: Language, names: MemberNames): ReportSection[] {
  const w = words(language, names);
  switch (loaded.report) {
    case 'balance-sheet':
      return balanceSheetSections(loaded.body, w.report);
    case 'income-statement':
      return incomeStatementSections(loaded.body, w.report);
    case 'cash-book':
      return cashBookSections(loaded.body, loaded.from, w.report, w.typeName);
    case 'members':
      return membersSections(loaded.body, w.report);
    case 'loans':
      return loansSections(loaded.body, w.report, w.member);
    case 'shu':
      return shuSections(loaded.body, w.report, (memberId) => w.member(memberId));
  }
}

export function flagSections(body: FlagsBody, language: Language, names: MemberNames): ReportSection[] {
  const w = words(language, names);
  const reasons = flagMessages.in(language);
  return flagsSections(body, w.report, { reason: (code) => lookup(reasons, code) ?? code, type: w.typeName, member: w.member });
}
