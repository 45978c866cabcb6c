import { useEffect, useId, useMemo, useRef, useState } from 'react';
import type { StorageErrorCode } from '../../db/storage-errors.ts';
import { formatDateId, todayInJakarta } from '../../domain/dates.ts';
import { newEntryId, type EntryId, type MemberId } from '../../domain/ids.ts';
import type { MemberRow } from '../../domain/ledger/index.ts';
import { formatRupiah } from '../../domain/money-format.ts';
import { rupiah } from '../../domain/money.ts';
import { FormError, saveDraft, ViaPicker } from '../forms/index.ts';
import type { Via } from '../../domain/entry/schema.ts';
import { getDb, useCanWrite, useCooperative, useCurrentUser } from '../session/index.ts';
import { savingsAmounts } from './amounts.ts';
import { savingsMessages } from './messages.ts';
import { allMembers, collectionDate, unpaidMembers, type Unpaid } from './wajib-collection.ts';

const PAGE = 50;

type Run =
  | { status: 'idle' }
  | { status: 'saving'; done: number; total: number }
  | { status: 'finished'; done: number; total: number }
  | { status: 'failed'; done: number; total: number; error: StorageErrorCode };

export function WajibCollection() {
  const m = savingsMessages.useMessages();
  const user = useCurrentUser();
  const canWrite = useCanWrite();
  const cooperative = useCooperative();
  const { wajib } = savingsAmounts(cooperative?.settings);
  const today = todayInJakarta();
  const monthId = useId();
  const [month, setMonth] = useState(today.slice(0, 7));
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [via, setVia] = useState<Via>('cash');
  const [page, setPage] = useState(0);
  const [run, setRun] = useState<Run>({ status: 'idle' });
  // One id per member and month for the life of this screen: a retry after an interruption reuses it.
  const ids = useRef(new Map<string, EntryId>());
  // Read once, and again after each run — not live: a live query over every member would re-read
  // 5 000 rows after each of the run's saves.
  const [members, setMembers] = useState<MemberRow[] | undefined>(undefined);
  const [generation, setGeneration] = useState(0);
  useEffect(() => {
    let current = true;
    allMembers(getDb()).then(
      (rows) => {
        if (current) setMembers(rows);
      },
      () => {
        if (current) setMembers([]);
      },
    );
    return () => {
      current = false;
    };
  }, [generation]);
  const date = collectionDate(month, today);
  const unpaid: Unpaid[] = useMemo(
    () => (members === undefined || date === undefined ? [] : unpaidMembers(members, month, wajib)),
    [members, month, wajib, date],
  );

  if (!canWrite) return <p className="notice">{m.readOnly}</p>;

  const chosen = unpaid.filter((u) => selected.has(u.member.memberId));
  const total = rupiah(chosen.reduce((sum, u) => sum + u.due, 0));
  const pages = Math.max(1, Math.ceil(unpaid.length / PAGE));
  const current = Math.min(page, pages - 1);
  const shown = unpaid.slice(current * PAGE, (current + 1) * PAGE);
  const busy = run.status === 'saving';

  const toggle = (memberId: string, on: boolean) => {
    setSelected((prev) => {
      const next = new Set(prev);
      if (on) next.add(memberId);
      else next.delete(memberId);
      return next;
    });
  };

  async function saveAll() {
    // The amount comes from the settings: never save with the default while they are loading.
    if (date === undefined || busy || cooperative === undefined) return;
    const batch = [...chosen];
    const db = getDb();
    for (const [index, item] of batch.entries()) {
      setRun({ status: 'saving', done: index, total: batch.length });
      const key = `${month}|${item.member.memberId}`;
      let id = ids.current.get(key);
      if (id === undefined) {
        id = newEntryId();
        ids.current.set(key, id);
      }
      const result = await saveDraft(
        db,
        {
          type: 'savings.deposited',
          date,
          data: { memberId: item.member.memberId as MemberId, kind: 'wajib', amount: item.due, via },
        },
        user.name,
        id,
        { receipt: true },
      );
      if (!result.ok) {
        setRun({ status: 'failed', done: index, total: batch.length, error: result.error });
        setGeneration((g) => g + 1);
        return;
      }
    }
    setSelected(new Set());
    setRun({ status: 'finished', done: batch.length, total: batch.length });
    setGeneration((g) => g + 1);
  }

  return (
    <article className="page">
      <h1 className="page__title">{m.collect.title}</h1>
      <div className="field">
        <label className="field__label" htmlFor={monthId}>
          {m.collect.month}
        </label>
        <input
          id={monthId}
          className="field__input"
          type="month"
          value={month}
          max={today.slice(0, 7)}
          aria-invalid={date === undefined}
          onChange={(event) => {
            setMonth(event.target.value);
            setSelected(new Set());
            setPage(0);
            setRun({ status: 'idle' });
          }}
        />
        {date === undefined ? (
          <p className="field__error" role="alert">
            {m.collect.monthInvalid}
          </p>
        ) : (
          <p className="field__hint">
            {m.collect.amountEach(formatRupiah(wajib))} {m.collect.dated(formatDateId(date))}
          </p>
        )}
      </div>
      {run.status === 'finished' ? (
        <p className="save-status save-status--saved" role="status">
          <strong>{m.collect.progress(run.done, run.total)}</strong>
        </p>
      ) : null}
      {run.status === 'saving' ? (
        <p className="save-status" role="status">
          {m.collect.progress(run.done, run.total)}
        </p>
      ) : null}
      {run.status === 'failed' ? (
        <>
          <p className="save-status">{m.collect.progress(run.done, run.total)}</p>
          <FormError code={run.error} />
        </>
      ) : null}
      {members === undefined || date === undefined ? null : unpaid.length === 0 ? (
        <p className="notice">{m.collect.allPaid}</p>
      ) : (
        <form
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            void saveAll();
          }}
        >
          <p>{m.collect.unpaid(unpaid.length)}</p>
          <p className="actions">
            <button type="button" className="button" disabled={busy} onClick={() => setSelected(new Set(unpaid.map((u) => u.member.memberId)))}>
              {m.collect.selectAll}
            </button>
            <button type="button" className="button" disabled={busy} onClick={() => setSelected(new Set())}>
              {m.collect.selectNone}
            </button>
          </p>
          <ul className="check-list">
            {shown.map((u) => (
              <li key={u.member.memberId}>
                <label className="check-row">
                  <input
                    type="checkbox"
                    checked={selected.has(u.member.memberId)}
                    disabled={busy}
                    onChange={(event) => toggle(u.member.memberId, event.target.checked)}
                  />
                  <span className="member-picker__number">{u.member.profile?.number}</span>
                  <span>{u.member.profile?.name}</span>
                  <span className="amount">
                    {formatRupiah(u.due)}
                    {u.paid > 0 ? ` (${m.collect.remaining(formatRupiah(u.due))})` : ''}
                  </span>
                </label>
              </li>
            ))}
          </ul>
          {pages > 1 ? (
            <nav className="actions" aria-label={m.collect.title}>
              <button type="button" className="button" disabled={current === 0} onClick={() => setPage(current - 1)}>
                {m.collect.prev}
              </button>
              <span>{m.collect.page(current + 1, pages)}</span>
              <button type="button" className="button" disabled={current >= pages - 1} onClick={() => setPage(current + 1)}>
                {m.collect.next}
              </button>
            </nav>
          ) : null}
          <p role="status">{m.collect.selected(chosen.length, formatRupiah(total))}</p>
          <ViaPicker value={via} onChange={setVia} disabled={busy} />
          <p className="actions">
            <button type="submit" className="button button--primary" disabled={chosen.length === 0 || busy || cooperative === undefined}>
              {m.collect.save(chosen.length)}
            </button>
          </p>
        </form>
      )}
    </article>
  );
}
