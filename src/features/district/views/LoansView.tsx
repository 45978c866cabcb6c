import { formatDateId } from '../../../domain/dates.ts';
import { formatRupiah } from '../../../i18n/format.ts';
import { districtMessages } from '../messages.ts';
import type { LoansBody } from '../report-schemas.ts';
import { memberLabel, type MemberNames } from './member-names.ts';
import { usePaged } from './use-paged.tsx';

/** Daftar pinjaman: outstanding, days past due and collectibility (CONTRACT §5) per loan. */
export function LoansView({ body, names }: { readonly body: LoansBody; readonly names: MemberNames }) {
  const v = districtMessages.useMessages().views;
  const { rows, pager } = usePaged(body.loans);
  if (body.loans.length === 0) return <p className="hint">{v.noLoans}</p>;
  return (
    <>
      <table className="data-table district-table">
        <thead>
          <tr>
            <th scope="col">{v.member}</th>
            <th scope="col">{v.principal}</th>
            <th scope="col">{v.outstanding}</th>
            <th scope="col">{v.interestPaid}</th>
            <th scope="col">{v.nextDue}</th>
            <th scope="col">{v.daysPastDue}</th>
            <th scope="col" className="district-text">{v.collectibility}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((loan) => (
            <tr key={loan.loanId}>
              <th scope="row" className="district-text">{memberLabel(names, loan.memberId, v.unknownMember)}</th>
              <td className="amount">{formatRupiah(loan.principal)}</td>
              <td className="amount">{formatRupiah(loan.outstanding)}</td>
              <td className="amount">{formatRupiah(loan.interestPaid)}</td>
              <td className="amount">{loan.nextDue === null ? '—' : formatDateId(loan.nextDue)}</td>
              <td className="amount">{loan.daysPastDue}</td>
              <td className="district-text">
                {loan.collectibility === 'lancar' ? (
                  v.collectibilities.lancar
                ) : (
                  <span className={`badge badge--${loan.collectibility}`}>{v.collectibilities[loan.collectibility]}</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {pager}
    </>
  );
}
