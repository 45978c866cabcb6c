import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { entriesOfMember, loansOfMember } from '../../db/queries.ts';
import { DEFAULT_COLLECTIBILITY, parseCollectibilityPreset } from '../../domain/collectibility.ts';
import { formatDateId, todayInJakarta } from '../../domain/dates.ts';
import type { MemberRow } from '../../domain/ledger/index.ts';
import { formatRupiah } from '../../domain/money-format.ts';
import { rupiah } from '../../domain/money.ts';
import { loanPosition, type LoanPosition } from '../../domain/reports/loan-position.ts';
import { Link } from '../navigation/link.tsx';
import { formatMonth } from '../savings/wajib-collection.ts';
import { getDb, useCanWrite, useCooperative } from '../session/index.ts';
import { memberBookText, whatsAppLink } from './book-text.ts';
import { summariseEntry } from './entry-summary.ts';
import { membersMessages } from './messages.ts';

export const HISTORY_PAGE = 20;

/**
 * A member's book: profile, the three savings, each loan with what is outstanding, and every entry
 * concerning the member, newest first, a page at a time. Printable (print CSS hides the controls)
 * and shareable as WhatsApp text.
 */
export function MemberBook({ member }: { readonly member: MemberRow }) {
  const m = membersMessages.useMessages();
  const canWrite = useCanWrite();
  const cooperative = useCooperative();
  const [page, setPage] = useState(0);
  const today = todayInJakarta();
  const loans = useLiveQuery(() => loansOfMember(getDb(), member.memberId), [member.memberId]);
  const history = useLiveQuery(() => entriesOfMember(getDb(), member.memberId), [member.memberId]);
  const preset = parseCollectibilityPreset(cooperative?.settings.collectibility) ?? DEFAULT_COLLECTIBILITY;
  const positions: LoanPosition[] = (loans ?? [])
    .map((loan) => loanPosition(loan, today, preset))
    .filter((p): p is LoanPosition => p !== undefined);
  const { pokok, wajib, sukarela } = member.savings;
  const profile = member.profile;

  const newestFirst = [...(history ?? [])].reverse();
  const reversed = new Set(
    newestFirst.flatMap((row) => (row.entry.type === 'entry.reversed' ? [row.entry.data.entryId] : [])),
  );
  const pages = Math.max(1, Math.ceil(newestFirst.length / HISTORY_PAGE));
  const current = Math.min(page, pages - 1);
  const shown = newestFirst.slice(current * HISTORY_PAGE, (current + 1) * HISTORY_PAGE);

  const text = memberBookText({ cooperativeName: cooperative?.name ?? null, member, loans: positions, asOf: today });
  const share = () => {
    if (typeof navigator.share === 'function') {
      navigator.share({ text }).catch(() => undefined);
    } else {
      window.open(whatsAppLink(profile?.phone ?? null, text), '_blank', 'noopener');
    }
  };

  return (
    <article className="page member-book">
      <p className="no-print">
        <Link to="/anggota">{m.back}</Link>
      </p>
      <h1 className="page__title">
        {m.book.title}: {profile?.name ?? '—'}
      </h1>
      {cooperative?.name == null ? null : <p className="print-only">{cooperative.name}</p>}
      <dl className="facts">
        <div>
          <dt>{m.columns.number}</dt>
          <dd>{profile?.number ?? '—'}</dd>
        </div>
        <div>
          <dt>{m.columns.status}</dt>
          <dd>{m.status[member.status]}</dd>
        </div>
        {member.joinedOn === null ? null : (
          <div>
            <dt>{m.book.joined}</dt>
            <dd>{formatDateId(member.joinedOn)}</dd>
          </div>
        )}
        {member.leftOn === null ? null : (
          <div>
            <dt>{m.book.left}</dt>
            <dd>{formatDateId(member.leftOn)}</dd>
          </div>
        )}
        {profile?.phone == null ? null : (
          <div>
            <dt>{m.book.phone}</dt>
            <dd>{profile.phone}</dd>
          </div>
        )}
        {profile?.address == null ? null : (
          <div>
            <dt>{m.book.address}</dt>
            <dd>{profile.address}</dd>
          </div>
        )}
      </dl>

      <section className="card" aria-labelledby="book-savings">
        <h2 id="book-savings" className="card__title">
          {m.book.savings}
        </h2>
        <dl className="facts">
          <div>
            <dt>{m.book.pokok}</dt>
            <dd className="amount" data-testid="book-pokok">{formatRupiah(pokok)}</dd>
          </div>
          <div>
            <dt>{m.book.wajib}</dt>
            <dd className="amount" data-testid="book-wajib">{formatRupiah(wajib)}</dd>
          </div>
          <div>
            <dt>{m.book.sukarela}</dt>
            <dd className="amount" data-testid="book-sukarela">{formatRupiah(sukarela)}</dd>
          </div>
          <div>
            <dt>{m.book.total}</dt>
            <dd className="amount" data-testid="book-total">{formatRupiah(rupiah(pokok + wajib + sukarela))}</dd>
          </div>
          <div>
            <dt>{m.book.lastWajib}</dt>
            <dd>{member.lastWajibMonth === null ? m.book.never : formatMonth(member.lastWajibMonth)}</dd>
          </div>
        </dl>
      </section>

      <section className="card" aria-labelledby="book-loans">
        <h2 id="book-loans" className="card__title">
          {m.book.loans}
        </h2>
        {positions.length === 0 ? (
          <p>{m.book.noLoans}</p>
        ) : (
          <ul className="plain-list">
            {positions.map((loan) => (
              <li key={loan.loanId} data-testid="book-loan">
                <Link to={`/pinjaman/${loan.loanId}`}>
                  {m.book.principal} {formatRupiah(loan.principal)}
                </Link>
                {' — '}
                {m.book.outstanding} <span className="amount">{formatRupiah(loan.outstanding)}</span>{' '}
                <span className={`status-tag${loan.daysPastDue > 0 ? ' status-tag--left' : ''}`}>
                  {loan.outstanding > 0 ? m.book.loanOpen : m.book.loanPaid}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>

      <p className="actions no-print">
        {canWrite && member.status === 'active' ? (
          <Link to={`/simpanan?anggota=${member.memberId}`} className="button button--primary">
            {m.book.deposit}
          </Link>
        ) : null}
        {canWrite ? (
          <Link to={`/anggota/${member.memberId}/ubah`} className="button">
            {m.book.edit}
          </Link>
        ) : null}
        {canWrite ? (
          <Link to={`/anggota/${member.memberId}/keluar`} className="button">
            {m.book.leave}
          </Link>
        ) : null}
        <button type="button" className="button" onClick={() => window.print()}>
          {m.book.print}
        </button>
        <button type="button" className="button" onClick={share}>
          {m.book.share}
        </button>
        <a className="button" href={whatsAppLink(profile?.phone ?? null, text)} target="_blank" rel="noopener noreferrer">
          {m.book.whatsapp}
        </a>
      </p>

      <section aria-labelledby="book-history">
        <h2 id="book-history" className="section-title">
          {m.book.history}
        </h2>
        {newestFirst.length === 0 ? (
          <p className="hint">{m.book.noHistory}</p>
        ) : (
          <ol className="history-list" aria-labelledby="book-history">
            {shown.map((row) => {
              const summary = summariseEntry(row.entry);
              return (
                <li key={row.id} className={reversed.has(row.id) ? 'history-list__item history-list__item--reversed' : 'history-list__item'}>
                  <span>{formatDateId(row.date)}</span>{' '}
                  <Link to={`/entri/${row.id}`}>
                    {m.types[row.type]}
                    {summary.kind === null ? '' : ` ${m.kinds[summary.kind]}`}
                  </Link>
                  {summary.amount === null ? null : <span className="amount"> {formatRupiah(summary.amount)}</span>}
                  {reversed.has(row.id) ? <span className="status-tag status-tag--left"> {m.book.reversed}</span> : null}
                </li>
              );
            })}
          </ol>
        )}
        {pages > 1 ? (
          <nav className="actions no-print" aria-label={m.book.history}>
            <button type="button" className="button" disabled={current === 0} onClick={() => setPage(current - 1)}>
              {m.book.newer}
            </button>
            <span>{m.book.page(current + 1, pages)}</span>
            <button type="button" className="button" disabled={current >= pages - 1} onClick={() => setPage(current + 1)}>
              {m.book.older}
            </button>
          </nav>
        ) : null}
      </section>
      <p className="print-only hint">{m.book.printedAt(formatDateId(today))}</p>
    </article>
  );
}
