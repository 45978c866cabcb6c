import type { ComponentType } from 'react';
import { Link } from '../navigation/link.tsx';
import { usePathname } from '../navigation/location.ts';
import { reportsMessages } from './messages.ts';
import { isReportSlug, REPORT_SLUGS, type ReportSlug } from './report-pages.ts';
import { SavingsLoansChart } from './SavingsLoansChart.tsx';
import { BalanceSheetView } from './views/BalanceSheetView.tsx';
import { CashBookView } from './views/CashBookView.tsx';
import { FlagsView } from './views/FlagsView.tsx';
import { IncomeStatementView } from './views/IncomeStatementView.tsx';
import { LoanScheduleView } from './views/LoanScheduleView.tsx';
import { LoansView } from './views/LoansView.tsx';
import { MembersView } from './views/MembersView.tsx';
import { ShuView } from './views/ShuView.tsx';

const VIEWS: Readonly<Record<ReportSlug, ComponentType>> = {
  neraca: BalanceSheetView,
  'laba-rugi': IncomeStatementView,
  'buku-kas': CashBookView,
  anggota: MembersView,
  pinjaman: LoansView,
  'jadwal-angsuran': LoanScheduleView,
  shu: ShuView,
  catatan: FlagsView,
};

/** /laporan: the list of reports and the savings/loans chart; /laporan/<slug>: one report. */
export default function ReportsPage() {
  const m = reportsMessages.useMessages();
  const path = usePathname().replace(/\/+$/, '');
  const slug = path.startsWith('/laporan/') ? path.slice('/laporan/'.length) : null;
  if (slug !== null) {
    if (!isReportSlug(slug)) {
      return (
        <article className="page">
          <h1 className="page__title">{m.title}</h1>
          <p className="notice">{m.notFound}</p>
          <Link to="/laporan">{m.back}</Link>
        </article>
      );
    }
    const View = VIEWS[slug];
    return <View key={slug} />;
  }
  return (
    <article className="page">
      <h1 className="page__title">{m.title}</h1>
      <p>{m.intro}</p>
      <ul className="report-list">
        {REPORT_SLUGS.map((each) => (
          <li key={each}>
            <Link to={`/laporan/${each}`} className="report-list__link">
              {m.names[each]}
            </Link>
          </li>
        ))}
      </ul>
      <SavingsLoansChart />
    </article>
  );
}
