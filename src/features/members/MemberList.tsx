import { useLiveQuery } from 'dexie-react-hooks';
import { useId, useMemo, useState, type MouseEvent } from 'react';
import { allMembers } from '../../db/queries.ts';
import { Link } from '../navigation/link.tsx';
import { navigate } from '../navigation/location.ts';
import { getDb, useCanWrite } from '../session/index.ts';
import { buildDirectory, searchDirectory, type MemberDirectory, type MemberListing } from './member-directory.ts';
import { memberRowWriter } from './member-row.ts';
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
  const directory = useLiveQuery(async () => buildDirectory(await allMembers(getDb())), []);
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
      <MemberSearch directory={directory} />
    </article>
  );
}

type Messages = ReturnType<typeof membersMessages.current>;

/** The search field, the count and the list: a keystroke re-renders only these. */
function MemberSearch({ directory }: { readonly directory: MemberDirectory | undefined }) {
  const m = membersMessages.useMessages();
  const id = useId();
  const [text, setText] = useState('');
  const matches = useMemo(() => (directory === undefined ? undefined : searchDirectory(directory, text)), [directory, text]);
  // The rows' words, made once per language rather than looked up by every row.
  const writeMember = useMemo(() => memberRowWriter({ status: m.status, savings: m.columns.savings }), [m]);
  return (
    <>
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
            <VirtualList className="member-list" label={m.title} items={matches} itemKey={memberKey} writeItem={writeMember} onClick={openRow} />
          )}
        </>
      )}
    </>
  );
}

function statusLine(m: Messages, everyone: boolean, count: number): string {
  if (count === 0) return everyone ? m.empty : m.noMatch;
  return everyone ? m.all(count) : m.found(count);
}

const memberKey = (member: MemberListing) => member.memberId;

/**
 * A plain click on a row's link opens the member's book in the app (as `Link` does); modified
 * clicks (new tab) and other buttons are the browser's. One handler on the list, not one per row.
 */
const openRow = (event: MouseEvent<HTMLUListElement>) => {
  const link = event.target instanceof Element ? event.target.closest<HTMLAnchorElement>('a[href]') : null;
  if (link === null || event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  event.preventDefault();
  navigate(link.getAttribute('href') ?? '/anggota');
};
