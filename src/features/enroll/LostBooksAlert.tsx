import { useState } from 'react';
import { browserStore, lostBooks } from '../../db/site-data-marker.ts';
import { formatDateId, toJakartaDate } from '../../domain/dates.ts';
import { lostBooksMessages } from './lost-books-messages.ts';

/**
 * On the welcome screen: the phone's IndexedDB is empty, yet the note kept outside it says this
 * phone had a cooperative's books. Say so plainly and how to get them back, instead of looking like
 * a fresh install. Read once, synchronously: localStorage, no database, no zod (first load).
 */
export function LostBooksAlert() {
  const m = lostBooksMessages.useMessages();
  const [lost] = useState(() => lostBooks(browserStore()));
  if (lost === undefined) return null;
  const when = formatDateId(toJakartaDate(Date.parse(lost.at)));
  return (
    <section className="card notice" role="alert" aria-labelledby="lost-books-heading" data-testid="lost-books">
      <h2 id="lost-books-heading" className="card__title">
        {m.title}
      </h2>
      {lost.mode === 'enrolled' ? (
        <>
          <p>{m.had(lost.cooperativeName ?? '—', lost.entries, when)}</p>
          <p>
            <strong>{m.enrolledWhat}</strong>
          </p>
          {lost.pending > 0 ? <p>{m.pending(lost.pending)}</p> : null}
        </>
      ) : (
        <p>{m.trialHad(lost.entries, when)}</p>
      )}
    </section>
  );
}
