import { useLiveQuery } from 'dexie-react-hooks';
import { useRef, useState } from 'react';
import type { SavedEntry } from '../../db/append-entry.ts';
import { loansOfMember } from '../../db/queries.ts';
import type { StorageErrorCode } from '../../db/storage-errors.ts';
import { formatDateId } from '../../domain/dates.ts';
import { SAVINGS_KINDS, type SavingsKind, type Via } from '../../domain/entry/schema.ts';
import { newEntryId, type EntryId, type MemberId } from '../../domain/ids.ts';
import type { MemberRow } from '../../domain/ledger/index.ts';
import { formatRupiah } from '../../domain/money-format.ts';
import { rupiah, type Rupiah } from '../../domain/money.ts';
import { ConfirmDialog, DateField, FormError, saveDraft, useDateInput, ViaPicker, type ScreenDraft } from '../forms/index.ts';
import { Link } from '../navigation/link.tsx';
import { getDb, useCanWrite, useCurrentUser } from '../session/index.ts';
import { membersMessages } from './messages.ts';

type StepKey = 'left' | SavingsKind;
type Step = { key: StepKey; draft: ScreenDraft; receipt: boolean };
type Returned = { kind: SavingsKind; entryId: string };

type Progress =
  | { status: 'idle' }
  | { status: 'saving'; done: number; total: number }
  | { status: 'failed'; error: StorageErrorCode; done: number; total: number }
  | { status: 'done'; returned: Returned[] };

/**
 * What leaving records, in order: `member.left` first, then one `savings.withdrawn` per kind with a
 * balance. The order matters: pokok and wajib may be withdrawn only once the member has left (the
 * ledger flags `savings-locked` otherwise). Each step is its own entry, so an interruption leaves a
 * consistent book: opened again, the screen shows the member as left with what is still to return.
 */
export function leaveSteps(member: MemberRow, leftOn: string, via: Via): Step[] {
  const memberId = member.memberId as MemberId;
  const steps: Step[] = [];
  if (member.status !== 'left') steps.push({ key: 'left', draft: { type: 'member.left', date: leftOn, data: { memberId, leftOn } }, receipt: false });
  const date = member.leftOn ?? leftOn;
  for (const kind of SAVINGS_KINDS) {
    const amount = member.savings[kind];
    if (amount > 0) {
      steps.push({ key: kind, draft: { type: 'savings.withdrawn', date, data: { memberId, kind, amount, via } }, receipt: true });
    }
  }
  return steps;
}

export function LeaveMember({ member }: { readonly member: MemberRow }) {
  const m = membersMessages.useMessages();
  const user = useCurrentUser();
  const canWrite = useCanWrite();
  const leftOn = useDateInput();
  const [via, setVia] = useState<Via>('cash');
  const [confirming, setConfirming] = useState(false);
  const [progress, setProgress] = useState<Progress>({ status: 'idle' });
  const ids = useRef(new Map<StepKey, EntryId>());
  const loans = useLiveQuery(() => loansOfMember(getDb(), member.memberId), [member.memberId]);

  if (!canWrite) return <p className="notice">{m.readOnly}</p>;

  const open = (loans ?? []).filter((loan) => loan.outstanding > 0);
  const openTotal = rupiah(open.reduce((sum, loan) => sum + loan.outstanding, 0));
  const toReturn = SAVINGS_KINDS.filter((kind) => member.savings[kind] > 0);
  const total: Rupiah = rupiah(toReturn.reduce((sum, kind) => sum + member.savings[kind], 0));
  const alreadyLeft = member.status === 'left';
  const busy = progress.status === 'saving';

  async function run() {
    setConfirming(false);
    const date = leftOn.date;
    if (date === undefined || busy) return;
    const steps = leaveSteps(member, date, via);
    const returned: Returned[] = [];
    for (const [index, step] of steps.entries()) {
      setProgress({ status: 'saving', done: index, total: steps.length });
      let id = ids.current.get(step.key);
      if (id === undefined) {
        id = newEntryId();
        ids.current.set(step.key, id);
      }
      const result: Awaited<ReturnType<typeof saveDraft>> = await saveDraft(getDb(), step.draft, user.name, id, { receipt: step.receipt });
      if (!result.ok) {
        setProgress({ status: 'failed', error: result.error, done: index, total: steps.length });
        return;
      }
      const saved: SavedEntry = result.value;
      if (step.key !== 'left') returned.push({ kind: step.key, entryId: saved.entry.id });
    }
    setProgress({ status: 'done', returned });
  }

  if (progress.status === 'done') {
    return (
      <article className="page">
        <h1 className="page__title">{m.leave.title}</h1>
        <p className="save-status save-status--saved" role="status">
          <strong>{m.leave.done}</strong>
        </p>
        <ul className="plain-list">
          {progress.returned.map((r) => (
            <li key={r.entryId}>
              <Link to={`/kuitansi/${r.entryId}`}>{m.leave.receipt(m.kinds[r.kind])}</Link>
            </li>
          ))}
        </ul>
        <p className="actions">
          <Link to={`/anggota/${member.memberId}`} className="button">
            {m.book.title}
          </Link>
        </p>
      </article>
    );
  }

  const nothingToDo = alreadyLeft && toReturn.length === 0;
  return (
    <article className="page">
      <h1 className="page__title">{m.leave.title}</h1>
      <p>
        <span className="member-picker__number">{member.profile?.number}</span> <strong>{member.profile?.name}</strong>
      </p>
      {alreadyLeft && member.leftOn !== null ? <p className="notice">{m.leave.alreadyLeft(formatDateId(member.leftOn))}</p> : <p className="hint">{m.leave.intro}</p>}
      {open.length > 0 && !alreadyLeft ? (
        <p className="notice" role="status">
          {m.leave.openLoans(open.length, formatRupiah(openTotal))}
        </p>
      ) : null}
      <section className="card">
        <h2 className="card__title">{m.leave.toReturn}</h2>
        {toReturn.length === 0 ? (
          <p>{m.leave.nothingToReturn}</p>
        ) : (
          <dl className="facts">
            {toReturn.map((kind) => (
              <div key={kind}>
                <dt>{m.book[kind]}</dt>
                <dd className="amount">{formatRupiah(member.savings[kind])}</dd>
              </div>
            ))}
            <div>
              <dt>{m.leave.total}</dt>
              <dd className="amount" data-testid="leave-total">
                {formatRupiah(total)}
              </dd>
            </div>
          </dl>
        )}
      </section>
      {nothingToDo ? null : (
        <form
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            if (open.length > 0 && !alreadyLeft) setConfirming(true);
            else void run();
          }}
        >
          {alreadyLeft ? null : <DateField label={m.leave.leftOn} input={leftOn} />}
          {toReturn.length > 0 ? <ViaPicker value={via} onChange={setVia} /> : null}
          {progress.status === 'saving' ? (
            <p className="save-status" role="status">
              {m.leave.progress(progress.done, progress.total)}
            </p>
          ) : null}
          {progress.status === 'failed' ? (
            <>
              <p className="save-status">{m.leave.progress(progress.done, progress.total)}</p>
              <FormError code={progress.error} />
            </>
          ) : null}
          <p className="actions">
            <button type="submit" className="button button--primary" disabled={busy || leftOn.date === undefined || loans === undefined}>
              {alreadyLeft ? m.leave.returnOnly : m.leave.save}
            </button>
          </p>
        </form>
      )}
      <ConfirmDialog
        open={confirming}
        title={m.leave.openLoansTitle}
        confirmLabel={m.leave.openLoansConfirm}
        onCancel={() => setConfirming(false)}
        onConfirm={() => void run()}
      >
        <p>{m.leave.openLoans(open.length, formatRupiah(openTotal))}</p>
      </ConfirmDialog>
    </article>
  );
}
