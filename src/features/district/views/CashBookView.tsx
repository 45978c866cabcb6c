import { formatDateId } from '../../../domain/dates.ts';
import { formatRupiah } from '../../../i18n/format.ts';
import { districtMessages } from '../messages.ts';
import type { CashBookBody } from '../report-schemas.ts';
import { usePaged } from './use-paged.tsx';

/** Buku kas: opening balance, every movement with its running balance, closing balance. */
export function CashBookView({ body }: { readonly body: CashBookBody }) {
  const v = districtMessages.useMessages().views;
  const { rows, pager } = usePaged(body.rows);
  return (
    <>
      <table className="data-table district-table">
        <thead>
          <tr>
            <th scope="col">{v.date}</th>
            <th scope="col" className="district-text">{v.memo}</th>
            <th scope="col">{v.in}</th>
            <th scope="col">{v.out}</th>
            <th scope="col">{v.balance}</th>
          </tr>
        </thead>
        <tbody>
          <tr className="district-total">
            <th scope="row" colSpan={4}>{v.opening}</th>
            <td className="amount">{formatRupiah(body.opening)}</td>
          </tr>
          {rows.map((row) => (
            <tr key={`${row.entryId}-${row.date}`}>
              <td>{formatDateId(row.date)}</td>
              <td className="district-text">{row.memo}</td>
              <td className="amount">{row.in > 0 ? formatRupiah(row.in) : ''}</td>
              <td className="amount">{row.out > 0 ? formatRupiah(row.out) : ''}</td>
              <td className="amount">{formatRupiah(row.balance)}</td>
            </tr>
          ))}
          {body.rows.length === 0 ? (
            <tr>
              <td colSpan={5} className="district-text">{v.noRows}</td>
            </tr>
          ) : null}
        </tbody>
        <tfoot>
          <tr className="district-total">
            <th scope="row" colSpan={4}>{v.closing}</th>
            <td className="amount">{formatRupiah(body.closing)}</td>
          </tr>
        </tfoot>
      </table>
      {pager}
    </>
  );
}
