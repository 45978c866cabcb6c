import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { formatDateId } from '../../domain/dates.ts';
import { formatRupiah } from '../../domain/money-format.ts';
import { summariseEntry } from '../members/entry-summary.ts';
import { membersMessages } from '../members/messages.ts';
import { Link } from '../navigation/link.tsx';
import { getDb } from '../session/index.ts';
import { correctionsMessages } from './messages.ts';
import { entriesPage } from './recent-entries.ts';

/** `/koreksi`: the latest entries to pick one from; its detail page holds "Batalkan entri ini". */
export function RecentEntries() {
  const m = correctionsMessages.useMessages();
  const types = membersMessages.useMessages().types;
  // Cursors of the pages opened so far; the last is the page on screen (null = newest).
  const [cursors, setCursors] = useState<readonly (number | null)[]>([null]);
  const before = cursors[cursors.length - 1] ?? null;
  const page = useLiveQuery(() => entriesPage(getDb(), before), [before]);

  return (
    <article className="page">
      <h1 className="page__title">{m.title}</h1>
      <p className="page__intro">{m.intro}</p>
      <h2 className="section-title" id="recent-entries">
        {m.recent}
      </h2>
      {page === undefined ? null : page.rows.length === 0 ? (
        <p className="hint">{m.empty}</p>
      ) : (
        <ol className="plain-list" aria-labelledby="recent-entries">
          {page.rows.map((row) => {
            const summary = summariseEntry(row.entry);
            const isReversed = page.reversed.has(row.id);
            return (
              <li key={row.id} className={`entry-list__item${isReversed ? ' entry-list__item--reversed' : ''}`} data-testid="entry-item">
                <span>{formatDateId(row.date)}</span>
                <Link to={`/entri/${row.id}`}>{types[row.type]}</Link>
                {summary.amount === null ? null : <span className="amount">{formatRupiah(summary.amount)}</span>}
                <span className="hint">{row.entry.actor}</span>
                {isReversed ? <span className="badge badge--void">{m.reversedBadge}</span> : null}
              </li>
            );
          })}
        </ol>
      )}
      <nav className="actions" aria-label={m.recent}>
        <button type="button" className="button" disabled={cursors.length <= 1} onClick={() => setCursors(cursors.slice(0, -1))}>
          {m.newer}
        </button>
        <button
          type="button"
          className="button"
          disabled={page?.olderCursor == null}
          onClick={() => {
            if (page?.olderCursor != null) setCursors([...cursors, page.olderCursor]);
          }}
        >
          {m.older}
        </button>
      </nav>
    </article>
  );
}
