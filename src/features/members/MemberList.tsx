import { useLiveQuery } from 'dexie-react-hooks';
import { useDeferredValue, useId, useState } from 'react';
import { searchMembers } from '../../db/queries.ts';
import type { MemberRow } from '../../domain/ledger/index.ts';
import { formatRupiah } from '../../domain/money-format.ts';
import { rupiah } from '../../domain/money.ts';
import { Link } from '../navigation/link.tsx';
import { getDb, useCanWrite } from '../session/index.ts';
import { membersMessages } from './messages.ts';

/** One screenful and a bit: the list is a search result, never all 5 000 members. */
export const LIST_LIMIT = 50;

export const totalSavings = (member: MemberRow) =>
  rupiah(member.savings.pokok + member.savings.wajib + member.savings.sukarela);

/**
 * Anggota: type a name or a number, see matching members at once. Each keystroke is one prefix
 * range on the projection's `words`/`number` indexes (db/queries.ts), limited to LIST_LIMIT + 1 rows
 * (the extra one tells us the list was cut).
 */
export function MemberList() {
  const m = membersMessages.useMessages();
  const canWrite = useCanWrite();
  const id = useId();
  const [text, setText] = useState('');
  const query = useDeferredValue(text);
  const rows = useLiveQuery(() => searchMembers(getDb(), query, LIST_LIMIT + 1), [query]);
  const shown = (rows ?? []).slice(0, LIST_LIMIT);
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
      {rows === undefined ? null : shown.length === 0 ? (
        <p className="hint" role="status">
          {query.trim() === '' ? m.empty : m.noMatch}
        </p>
      ) : (
        <>
          <p className="visually-hidden" role="status">
            {m.shown(shown.length)}
          </p>
          <ul className="member-list" aria-label={m.title}>
            {shown.map((member) => (
              <li key={member.memberId}>
                <Link to={`/anggota/${member.memberId}`} className="member-list__row">
                  <span className="member-list__number">{member.profile?.number ?? '—'}</span>
                  <span className="member-list__name">{member.profile?.name ?? m.status.unknown}</span>
                  <span className={`status-tag${member.status === 'active' ? '' : ' status-tag--left'}`}>
                    {m.status[member.status]}
                  </span>
                  <span className="member-list__savings amount">
                    <span className="visually-hidden">{m.columns.savings}: </span>
                    {formatRupiah(totalSavings(member))}
                  </span>
                </Link>
              </li>
            ))}
          </ul>
          {(rows?.length ?? 0) > LIST_LIMIT ? <p className="hint">{m.capped(LIST_LIMIT)}</p> : null}
        </>
      )}
    </article>
  );
}
