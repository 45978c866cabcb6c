import { formatDateId } from '../../../domain/dates.ts';
import { flagMessages } from '../../forms/flag-text.ts';
import { membersMessages } from '../../members/messages.ts';
import { districtMessages } from '../messages.ts';
import type { FlagsBody } from '../report-schemas.ts';
import { memberLabel, type MemberNames } from './member-names.ts';
import { lookup } from './lookup.ts';
import { usePaged } from './use-paged.tsx';

/** Catatan bertanda: the entries accepted with a flag, with the reason in the treasurer's words. */
export function FlagsView({ body, names }: { readonly body: FlagsBody; readonly names: MemberNames }) {
  const v = districtMessages.useMessages().views;
  const reasons = flagMessages.useMessages();
  const types = membersMessages.useMessages().types;
  const { rows, pager } = usePaged(body.flags);
  if (body.flags.length === 0) return <p className="hint">{v.noFlags}</p>;
  return (
    <>
      <table className="data-table district-table" data-testid="flags-table">
        <thead>
          <tr>
            <th scope="col">{v.date}</th>
            <th scope="col" className="district-text">{v.reason}</th>
            <th scope="col" className="district-text">{v.entryType}</th>
            <th scope="col" className="district-text">{v.member}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((flag) => (
            <tr key={`${flag.entryId}|${flag.reason}`}>
              <td>{formatDateId(flag.date)}</td>
              <th scope="row" className="district-text">{lookup(reasons, flag.reason) ?? flag.reason}</th>
              <td className="district-text">{lookup(types, flag.type) ?? flag.type}</td>
              <td className="district-text">{flag.memberId === null ? '—' : memberLabel(names, flag.memberId, v.unknownMember)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {pager}
    </>
  );
}
