import { useLiveQuery } from 'dexie-react-hooks';
import { memo, useId, useMemo, useState } from 'react';
import { allMembers } from '../../db/queries.ts';
import { formatRupiah } from '../../domain/money-format.ts';
import { Link } from '../navigation/link.tsx';
import { getDb, useCanWrite } from '../session/index.ts';
import { buildDirectory, searchDirectory, type MemberListing } from './member-directory.ts';
import { membersMessages } from './messages.ts';
import { VirtualList } from './VirtualList.tsx';

export { totalSavings } from './member-directory.ts';

/**
 * Anggota: type a name or a number, see matching members at once. The members are read once when
 * the screen opens (and again when one changes) into an in-memory directory (member-directory.ts);
 * each keystroke searches it synchronously and the list renders in the keystroke's own frame, only
 * the rows in view (VirtualList), however many members match.
 */
export function MemberList() {
  const m = membersMessages.useMessages();
  const canWrite = useCanWrite();
  const id = useId();
  const [text, setText] = useState('');
  const directory = useLiveQuery(async () => buildDirectory(await allMembers(getDb())), []);
  const matches = useMemo(() => (directory === undefined ? undefined : searchDirectory(directory, text)), [directory, text]);
  return (
    <article className="page">
      <h1 className="page__title">{m.title}</h1>
      {canWrite ? (
        <p className="actions">
          <Link to="/anggota/baru" className="button button--primary">
            {m.add}
          </Link>
        </p>
      ) : null}
      <div className="field">
        <label className="field__label" htmlFor={id}>
          {m.searchLabel}
        </label>
        <input
          id={id}
          className="field__input"
          type="search"
          autoComplete="off"
          value={text}
          onChange={(event) => setText(event.target.value)}
        />
      </div>
      {matches === undefined ? null : (
        <>
          {/* One live region for every outcome, so each keystroke's count is announced. */}
          <p className="hint" role="status">
            {statusLine(m, text.trim() === '', matches.length)}
          </p>
          {matches.length === 0 ? null : (
            <VirtualList className="member-list" label={m.title} items={matches} itemKey={memberKey} renderItem={renderMember} />
          )}
        </>
      )}
    </article>
  );
}

function statusLine(m: ReturnType<typeof membersMessages.current>, everyone: boolean, count: number): string {
  if (count === 0) return everyone ? m.empty : m.noMatch;
  return everyone ? m.all(count) : m.found(count);
}

const memberKey = (member: MemberListing) => member.memberId;
const renderMember = (member: MemberListing) => <MemberListRow member={member} />;

/** One member's row; the same member object from one keystroke to the next is not re-rendered. */
const MemberListRow = memo(function MemberListRow({ member }: { readonly member: MemberListing }) {
  const m = membersMessages.useMessages();
  return (
    <Link to={`/anggota/${member.memberId}`} className="member-list__row">
      <span className="member-list__number">{member.number}</span>
      <span className="member-list__name">{member.name}</span>
      <span className={`status-tag${member.status === 'active' ? '' : ' status-tag--left'}`}>{m.status[member.status]}</span>
      <span className="member-list__savings amount">
        <span className="visually-hidden">{m.columns.savings}: </span>
        {formatRupiah(member.savings)}
      </span>
    </Link>
  );
});
