import { useId } from 'react';
import { todayInJakarta } from '../../domain/dates.ts';
import { formatRupiah } from '../../domain/money-format.ts';
import { rupiah } from '../../domain/money.ts';
import { monthlySeries } from '../../domain/reports/index.ts';
import { CHART_BOX, linePoints, niceCeiling, xOf } from './chart-geometry.ts';
import { reportsMessages } from './messages.ts';
import { useLedgerQuery } from './use-ledger-query.ts';

const MONTHS = 12;

/** `YYYY-MM` of the month `back` months before `month`. */
export function monthsBefore(month: string, back: number): string {
  const index = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1 - back;
  return `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;
}

const monthLabel = (month: string): string => `${month.slice(5, 7)}/${month.slice(2, 4)}`;

/**
 * Members' savings and loans outstanding at each month end of the last twelve months: an inline SVG
 * (no chart library), two lines told apart by dash as well as colour, and the same numbers as a
 * table for screen readers and anyone who wants the figures.
 */
export function SavingsLoansChart() {
  const m = reportsMessages.useMessages();
  const id = useId();
  const thisMonth = todayInJakarta().slice(0, 7);
  const series = useLedgerQuery((state) => monthlySeries(state, monthsBefore(thisMonth, MONTHS - 1), thisMonth), [thisMonth]);
  if (series === undefined) return null;
  const ceiling = niceCeiling(Math.max(...series.map((p) => Math.max(p.savings, p.loansOutstanding))));
  const box = CHART_BOX;
  const baseline = box.height - box.bottom;
  return (
    <section className="card report-chart" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{m.chart.title}</h2>
      <svg
        className="report-chart__svg"
        viewBox={`0 0 ${box.width} ${box.height}`}
        role="img"
        aria-labelledby={`${id}-svg-title ${id}-svg-desc`}
      >
        <title id={`${id}-svg-title`}>{m.chart.title}</title>
        <desc id={`${id}-svg-desc`}>{m.chart.desc}</desc>
        <line x1={box.left} x2={box.width - box.right} y1={baseline} y2={baseline} className="report-chart__axis" />
        <line x1={box.left} x2={box.width - box.right} y1={box.top} y2={box.top} className="report-chart__grid" />
        <text x={box.left} y={box.top - 4} className="report-chart__label">
          {formatRupiah(rupiah(ceiling))}
        </text>
        {series.map((point, index) =>
          index % 3 === (series.length - 1) % 3 ? (
            <text key={point.month} x={xOf(index, series.length)} y={box.height - 6} textAnchor="middle" className="report-chart__label">
              {monthLabel(point.month)}
            </text>
          ) : null,
        )}
        <polyline points={linePoints(series.map((p) => p.savings), ceiling)} className="report-chart__line report-chart__line--savings" />
        <polyline points={linePoints(series.map((p) => p.loansOutstanding), ceiling)} className="report-chart__line report-chart__line--loans" />
      </svg>
      <ul className="report-chart__legend">
        <li className="report-chart__key report-chart__key--savings">{m.chart.savings}</li>
        <li className="report-chart__key report-chart__key--loans">{m.chart.loans}</li>
      </ul>
      <details>
        <summary>{m.chart.table}</summary>
        <div className="table-scroll">
          <table className="data-table" data-testid="chart-table">
            <caption className="visually-hidden">{m.chart.title}</caption>
            <thead>
              <tr>
                <th scope="col">{m.chart.month}</th>
                <th scope="col" className="num">
                  {m.chart.savings}
                </th>
                <th scope="col" className="num">
                  {m.chart.loans}
                </th>
              </tr>
            </thead>
            <tbody>
              {series.map((point) => (
                <tr key={point.month}>
                  <th scope="row">{monthLabel(point.month)}</th>
                  <td className="num">{formatRupiah(point.savings)}</td>
                  <td className="num">{formatRupiah(point.loansOutstanding)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </section>
  );
}
