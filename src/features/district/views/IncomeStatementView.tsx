import { formatRupiah } from '../../../i18n/format.ts';
import { districtMessages } from '../messages.ts';
import type { IncomeStatementBody } from '../report-schemas.ts';

type Line = IncomeStatementBody['revenues'][number];

/** Laba rugi: revenue (4-*) minus expense (5-*) over the period gives the SHU. */
export function IncomeStatementView({ body }: { readonly body: IncomeStatementBody }) {
  const v = districtMessages.useMessages().views;
  const rows = (lines: readonly Line[]) =>
    lines.map((line) => (
      <tr key={line.code}>
        <td>{line.code}</td>
        <td className="district-text">{line.name}</td>
        <td className="amount">{formatRupiah(line.amount)}</td>
      </tr>
    ));
  return (
    <table className="data-table district-table">
      <thead>
        <tr>
          <th scope="col">{v.code}</th>
          <th scope="col" className="district-text">{v.account}</th>
          <th scope="col">{v.amount}</th>
        </tr>
      </thead>
      <tbody>
        <tr className="district-group">
          <th scope="colgroup" colSpan={3}>{v.revenues}</th>
        </tr>
        {rows(body.revenues)}
        <tr className="district-total">
          <th scope="row" colSpan={2}>{v.totalRevenue}</th>
          <td className="amount">{formatRupiah(body.totalRevenue)}</td>
        </tr>
      </tbody>
      <tbody>
        <tr className="district-group">
          <th scope="colgroup" colSpan={3}>{v.expenses}</th>
        </tr>
        {rows(body.expenses)}
        <tr className="district-total">
          <th scope="row" colSpan={2}>{v.totalExpense}</th>
          <td className="amount">{formatRupiah(body.totalExpense)}</td>
        </tr>
      </tbody>
      <tfoot>
        <tr className="district-total">
          <th scope="row" colSpan={2}>{v.shu}</th>
          <td className="amount" data-testid="report-shu">{formatRupiah(body.shu)}</td>
        </tr>
      </tfoot>
    </table>
  );
}
