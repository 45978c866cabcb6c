import { formatRupiah } from '../../../i18n/format.ts';
import { districtMessages } from '../messages.ts';
import type { MembersBody } from '../report-schemas.ts';
import { usePaged } from './use-paged.tsx';

/** Daftar anggota: each member's three savings and loan outstanding. */
export function MembersView({ body }: { readonly body: MembersBody }) {
  const v = districtMessages.useMessages().views;
  const { rows, pager } = usePaged(body.members);
  if (body.members.length === 0) return <p className="hint">{v.noMembers}</p>;
  return (
    <>
      <table className="data-table district-table">
        <thead>
          <tr>
            <th scope="col">{v.number}</th>
            <th scope="col" className="district-text">{v.name}</th>
            <th scope="col" className="district-text">{v.status}</th>
            <th scope="col">{v.pokok}</th>
            <th scope="col">{v.wajib}</th>
            <th scope="col">{v.sukarela}</th>
            <th scope="col">{v.loanOutstanding}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((member) => (
            <tr key={member.memberId}>
              <td>{member.number}</td>
              <th scope="row" className="district-text">{member.name}</th>
              <td className="district-text">{v.statuses[member.status]}</td>
              <td className="amount">{formatRupiah(member.savings.pokok)}</td>
              <td className="amount">{formatRupiah(member.savings.wajib)}</td>
              <td className="amount">{formatRupiah(member.savings.sukarela)}</td>
              <td className="amount">{formatRupiah(member.loanOutstanding)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {pager}
    </>
  );
}
