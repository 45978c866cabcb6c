import { useLiveQuery } from 'dexie-react-hooks';
import { memo, useId, useMemo, useState, type MouseEvent } from 'react';
import { allMembers } from '../../db/queries.ts';
import { formatRupiah } from '../../domain/money-format.ts';
import { Link } from '../navigation/link.tsx';
import { navigate } from '../navigation/location.ts';
import { getDb, useCanWrite } from '../session/index.ts';
import { buildDirectory, searchDirectory, type MemberDirectory, type MemberListing } from './member-directory.ts';
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
  const renderMember = useMemo(() => {
    const words: RowWords = { status: m.status, savings: m.columns.savings };
    return (member: MemberListing) => <MemberListRow member={member} words={words} />;
  }, [m]);
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
            <VirtualList className="member-list" label={m.title} items={matches} itemKey={memberKey} renderItem={renderMember} onClick={openRow} />
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

type RowWords = { readonly status: Messages['status']; readonly savings: string };

/**
 * One member's row: a real link (works without JS, long-press, open in new tab) with no hooks or
 * handlers of its own. Few layout objects, all inline in one block (no flex): a keystroke rewrites
 * the text of the rows in view, and the browser's style, layout and paint of a row grow with its
 * boxes and text nodes (docs/performance.md §2, session 4). The number is the link's own text, the
 * savings line one text node with its label shown. Inline pieces would run together in the
 * accessible name ("A-0001Siti"), so the link names itself with the same words, spaced.
 */
const MemberListRow = memo(function MemberListRow({ member, words }: { readonly member: MemberListing; readonly words: RowWords }) {
  const status = words.status[member.status];
  const savings = `${words.savings}: ${formatRupiah(member.savings)}`;
  return (
    <a href={`/anggota/${member.memberId}`} className="member-list__row" aria-label={`${member.number} ${member.name}, ${status}, ${savings}`}>
      {member.number}
      <b className="member-list__name">{member.name}</b>
      <span className={member.status === 'active' ? 'status-tag' : 'status-tag status-tag--left'}>{status}</span>
      <span className="member-list__savings">{savings}</span>
    </a>
  );
});
