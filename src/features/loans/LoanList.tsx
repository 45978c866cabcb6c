import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { memberById } from '../../db/queries.ts';
import { DEFAULT_COLLECTIBILITY, parseCollectibilityPreset } from '../../domain/collectibility.ts';
import { formatDateId, todayInJakarta } from '../../domain/dates.ts';
import type { LoanPosition } from '../../domain/reports/loan-position.ts';
import { formatRupiah } from '../../domain/money-format.ts';
import { Link } from '../navigation/link.tsx';
import { getDb, useCanWrite, useCooperative } from '../session/index.ts';
import { loanPositions } from './loan-queries.ts';
import { loansMessages } from './messages.ts';

export const LOAN_PAGE = 20;

type Filter = 'open' | 'overdue' | 'all';
const FILTERS: readonly Filter[] = ['open', 'overdue', 'all'];

const keep = (filter: Filter) => (p: LoanPosition) =>
  filter === 'all' ? true : filter === 'open' ? p.outstanding > 0 : p.outstanding > 0 && p.daysPastDue > 0;

/** Most overdue first; then the nearest due date; paid-off loans last. */
function byUrgency(a: LoanPosition, b: LoanPosition): number {
  if (a.daysPastDue !== b.daysPastDue) return b.daysPastDue - a.daysPastDue;
  const da = a.outstanding > 0 ? (a.nextDue ?? '9999') : '9999';
  const db = b.outstanding > 0 ? (b.nextDue ?? '9999') : '9999';
  return da < db ? -1 : da > db ? 1 : a.loanId < b.loanId ? -1 : 1;
}

/** `?tampil=menunggak` (Beranda's "loans overdue") or `?tampil=semua` opens the list filtered. */
function filterFromQuery(): Filter {
  const wanted = typeof window === 'undefined' ? null : new URLSearchParams(window.location.search).get('tampil');
  return wanted === 'menunggak' ? 'overdue' : wanted === 'semua' ? 'all' : 'open';
}

/** `/pinjaman`: loans with what is outstanding, the next due date, days late and collectibility. */
export function LoanList() {
  const m = loansMessages.useMessages();
  const canWrite = useCanWrite();
  const cooperative = useCooperative();
  const preset = parseCollectibilityPreset(cooperative?.settings.collectibility) ?? DEFAULT_COLLECTIBILITY;
  const today = todayInJakarta();
  const [filter, setFilter] = useState<Filter>(filterFromQuery);
  const [page, setPage] = useState(0);
  const positions = useLiveQuery(() => loanPositions(getDb(), today, preset), [today, preset.lancar, preset.kurang_lancar, preset.diragukan]);
  const listed = (positions ?? []).filter(keep(filter)).sort(byUrgency);
  const pages = Math.max(1, Math.ceil(listed.length / LOAN_PAGE));
  const current = Math.min(page, pages - 1);
  const shown = listed.slice(current * LOAN_PAGE, (current + 1) * LOAN_PAGE);
  const shownKey = shown.map((p) => p.memberId ?? '').join(',');
  const members = useLiveQuery(
    async () => {
      const ids = [...new Set(shown.flatMap((p) => (p.memberId === null ? [] : [p.memberId])))];
      const rows = await Promise.all(ids.map((id) => memberById(getDb(), id)));
      return new Map(rows.flatMap((r) => (r === undefined ? [] : [[r.memberId, r] as const])));
    },
    [shownKey],
  );

  return (
    <article className="page">
      <h1 className="page__title">{m.title}</h1>
      <p className="page__intro">{m.intro}</p>
      <p className="actions">
        {canWrite ? (
          <Link to="/pinjaman/baru" className="button button--primary">
            {m.disburse}
          </Link>
        ) : null}
        <Link to="/pinjaman/simulasi" className="button">
          {m.simulate}
        </Link>
      </p>
      <fieldset className="via-picker">
        <legend className="field__label">{m.list.filter}</legend>
        <div className="via-picker__options">
          {FILTERS.map((f) => (
            <label key={f} className="via-picker__option">
              <input
                type="radio"
                name="loan-filter"
                checked={filter === f}
                onChange={() => {
                  setFilter(f);
                  setPage(0);
                }}
              />
              <span>{m.list[f]}</span>
            </label>
          ))}
        </div>
      </fieldset>
      {positions === undefined ? null : (
        <>
          <p role="status">{m.list.count(listed.length)}</p>
          {listed.length === 0 ? (
            <p className="hint">{m.list.empty}</p>
          ) : (
            <ul className="plain-list">
              {shown.map((p) => {
                const member = p.memberId === null ? undefined : members?.get(p.memberId);
                return (
                  <li key={p.loanId} className="loan-list__item" data-testid="loan-item">
                    <Link to={`/pinjaman/${p.loanId}`}>
                      {member?.profile == null ? '—' : `${member.profile.number} ${member.profile.name}`}
                    </Link>
                    <span>
                      {m.list.outstanding} <span className="amount">{formatRupiah(p.outstanding)}</span>
                    </span>
                    {p.outstanding <= 0 ? (
                      <span className="badge">{m.list.paidOff}</span>
                    ) : (
                      <>
                        <span>
                          {m.list.nextDue} {p.nextDue === null ? '—' : formatDateId(p.nextDue)}
                        </span>
                        {p.daysPastDue > 0 ? <span className="field__warning">{m.list.daysPastDue(p.daysPastDue)}</span> : null}
                        <span className={`badge badge--${p.collectibility}`}>{m.collectibility[p.collectibility]}</span>
                      </>
                    )}
                  </li>
                );
              })}
            </ul>
          )}
          {pages > 1 ? (
            <nav className="actions" aria-label={m.title}>
              <button type="button" className="button" disabled={current === 0} onClick={() => setPage(current - 1)}>
                {m.list.newer}
              </button>
              <span>{m.list.page(current + 1, pages)}</span>
              <button type="button" className="button" disabled={current >= pages - 1} onClick={() => setPage(current + 1)}>
                {m.list.older}
              </button>
            </nav>
          ) : null}
        </>
      )}
    </article>
  );
}
