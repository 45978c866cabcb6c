import { reportsMessages } from '../messages.ts';
import { ReportShell } from '../ReportShell.tsx';
import { shuSections } from '../shu-sections.ts';
import { useShuReport } from '../use-shu-report.ts';
import { lastYear, YearField, useYearInput } from '../YearField.tsx';

/**
 * Pembagian SHU of a year (CONTRACT §6/§8 `shu`), with the allocation in force. From the phone's
 * SHU read model (use-shu-report.ts): its first open after unlock reads 32 rows, not ~25 000.
 */
export function ShuView() {
  const m = reportsMessages.useMessages();
  const year = useYearInput(lastYear());
  const y = year.year;
  const data = useShuReport(
    y,
    ({ report, labelOf }) => ({ shu: report.shu, sections: shuSections(report, m, (memberId) => labelOf(memberId) ?? m.unknownMember) }),
    [m],
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
