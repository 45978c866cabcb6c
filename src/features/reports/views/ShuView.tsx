import { shuReads, shuReport } from '../../../domain/reports/shu.ts';
import { reportsMessages } from '../messages.ts';
import { ReportShell } from '../ReportShell.tsx';
import { shuSections } from '../shu-sections.ts';
import { useLedgerQuery } from '../use-ledger-query.ts';
import { lastYear, YearField, useYearInput } from '../YearField.tsx';
import { memberNamer } from '../member-label.ts';

/** Pembagian SHU of a year (CONTRACT §6/§8 `shu`), with the allocation in force. */
export function ShuView() {
  const m = reportsMessages.useMessages();
  const year = useYearInput(lastYear());
  const y = year.year;
  const data = useLedgerQuery(
    (state) => {
      if (y === undefined) return undefined;
      const result = shuReport(state, y);
      return { shu: result.shu, sections: shuSections(result, m, memberNamer(state, m)) };
    },
    [y, m],
    y === undefined ? [] : shuReads(y),
  );
  return (
    <ReportShell
      title={m.names.shu}
      period={y === undefined ? null : m.periodYear(y)}
      fileStem={`shu-${y ?? ''}`}
      controls={<YearField input={year} />}
      sections={data?.sections}
      problem={y === undefined ? null : undefined}
    >
      {data !== undefined && data.shu <= 0 ? <p className="notice">{m.noShu}</p> : null}
    </ReportShell>
  );
}
