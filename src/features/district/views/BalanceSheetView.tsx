import { addRupiah } from '../../../domain/money.ts';
import { formatRupiah } from '../../../i18n/format.ts';
import { districtMessages } from '../messages.ts';
import type { BalanceSheetBody } from '../report-schemas.ts';

type Line = BalanceSheetBody['accounts'][number];

function Group({ title, lines, total, totalLabel }: { readonly title: string; readonly lines: readonly Line[]; readonly total?: Line['balance']; readonly totalLabel?: string }) {
  return (
    <tbody>
      <tr className="district-group">
        <th scope="colgroup" colSpan={3}>
          {title}
        </th>
      </tr>
      {lines.map((line) => (
        <tr key={line.code}>
          <td>{line.code}</td>
          <td className="district-text">{line.name}</td>
          <td className="amount">{formatRupiah(line.balance)}</td>
        </tr>
      ))}
      {total === undefined || totalLabel === undefined ? null : (
        <tr className="district-total">
          <th scope="row" colSpan={2}>
            {totalLabel}
          </th>
          <td className="amount">{formatRupiah(total)}</td>
        </tr>
      )}
    </tbody>
  );
}

/** Neraca: assets against liabilities and equity, balances in their natural sign. */
export function BalanceSheetView({ body }: { readonly body: BalanceSheetBody }) {
  const m = districtMessages.useMessages();
  const v = m.views;
  const of = (type: Line['type']) => body.accounts.filter((line) => line.type === type);
  return (
    <table className="data-table district-table">
      <thead>
        <tr>
          <th scope="col">{v.code}</th>
          <th scope="col" className="district-text">{v.account}</th>
          <th scope="col">{v.balance}</th>
        </tr>
      </thead>
      <Group title={v.assets} lines={of('asset')} total={body.totals.assets} totalLabel={v.totalAssets} />
      <Group title={v.liabilities} lines={of('liability')} />
      <Group
        title={v.equity}
        lines={of('equity')}
        total={addRupiah(body.totals.liabilities, body.totals.equity)}
        totalLabel={v.totalLiabilitiesEquity}
      />
    </table>
  );
}
