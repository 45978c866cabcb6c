import { useLiveQuery } from 'dexie-react-hooks';
import { memo, useEffect, useState } from 'react';
import { memberById } from '../../db/queries.ts';
import type { SavingsKind, Via } from '../../domain/entry/schema.ts';
import { todayInJakarta } from '../../domain/dates.ts';
import { newMemberId, type MemberId } from '../../domain/ids.ts';
import { formatRupiah, formatThousands } from '../../domain/money-format.ts';
import { rupiah } from '../../domain/money.ts';
import {
  AmountField,
  ConfirmDialog,
  DateField,
  FlagNote,
  IDLE_SAVE,
  MemberPicker,
  SaveFeedback,
  useAmountInput,
  useDateInput,
  useSaveEntry,
  ViaPicker,
  type SaveEntry,
  type SaveState,
  type ScreenDraft,
} from '../forms/index.ts';
import type { SavedEntry } from '../../db/append-entry.ts';
import { Link } from '../navigation/link.tsx';
import { getDb, useCanWrite, useCooperative } from '../session/index.ts';
import { savingsAmounts } from './amounts.ts';
import { savingsMessages } from './messages.ts';
import { formatMonth } from './wajib-collection.ts';
import { savingsWarnings, type Direction, type SavingsWarning } from './savings-warnings.ts';

const KINDS: readonly SavingsKind[] = ['wajib', 'sukarela', 'pokok'];

function memberFromQuery(): string | null {
  return typeof window === 'undefined' ? null : new URLSearchParams(window.location.search).get('anggota');
}

/**
 * Setor / tarik simpanan for one member. The member's balance is read live, the warnings follow the
 * savings rules, and a warned save goes through a confirmation; the saved entry carries the ledger's
 * flags, shown after the save, and a link to its receipt.
 */
export function SavingsForm() {
  const m = savingsMessages.useMessages();
  const canWrite = useCanWrite();
  const { state, save, reset } = useSaveEntry(savingsSamples);
  const [round, setRound] = useState(0);
  if (!canWrite) return <p className="notice">{m.readOnly}</p>;
  const saved = state.status === 'saved' ? state.saved : undefined;
  // While the outcome shows, the fields stay mounted (hidden) with unchanged props, so "Tersimpan"
  // renders only the card: neither unmounting the form nor re-rendering it sits in that frame.
  return (
    <>
      {saved === undefined ? null : (
        <SavedSavingsCard
          state={state}
          saved={saved}
          onAnother={() => {
            reset();
            setRound((n) => n + 1);
          }}
        />
      )}
      <div hidden={saved !== undefined}>
        <SavingsFields state={saved === undefined ? state : IDLE_SAVE} save={save} reset={reset} round={round} />
      </div>
    </>
  );
}

/** A wajib deposit in cash today, for the warm-up while the form is open (useSaveEntry). */
const savingsSamples = (): ScreenDraft[] => [
  { type: 'savings.deposited', date: todayInJakarta(), data: { memberId: newMemberId(), kind: 'wajib', amount: rupiah(1), via: 'cash' } },
];

function SavedSavingsCard({ state, saved, onAnother }: { readonly state: SaveState; readonly saved: SavedEntry; readonly onAnother: () => void }) {
  const m = savingsMessages.useMessages();
  const { entry } = saved;
  const memberId = entry.type === 'savings.deposited' || entry.type === 'savings.withdrawn' ? entry.data.memberId : undefined;
  return (
    <section className="card">
      <SaveFeedback state={state} />
      <FlagNote flags={saved.flags} />
      <p className="actions">
        <Link to={`/kuitansi/${entry.id}`} className="button button--primary">
          {m.receipt}
        </Link>
        <button type="button" className="button" onClick={onAnother}>
          {m.another}
        </button>
        {memberId === undefined ? null : (
          <Link to={`/anggota/${memberId}`} className="button">
            {m.book}
          </Link>
        )}
      </p>
    </section>
  );
}

type FieldsProps = {
  /** The save's state while no outcome card shows (idle, saving, failed). */
  readonly state: SaveState;
  readonly save: SaveEntry['save'];
  readonly reset: SaveEntry['reset'];
  /** Bumped by "Catat transaksi lain": the amount starts again from the preset; member, kind and via stay. */
  readonly round: number;
};

const SavingsFields = memo(function SavingsFields({ state, save, reset, round }: FieldsProps) {
  const m = savingsMessages.useMessages();
  const cooperative = useCooperative();
  const amounts = savingsAmounts(cooperative?.settings);
  const [memberId, setMemberId] = useState<string | null>(memberFromQuery);
  const [direction, setDirection] = useState<Direction>('deposit');
  const [kind, setKind] = useState<SavingsKind>('wajib');
  const [via, setVia] = useState<Via>('cash');
  const amount = useAmountInput();
  const date = useDateInput();
  const [confirming, setConfirming] = useState(false);
  const member = useLiveQuery(
    async () => (memberId === null ? null : ((await memberById(getDb(), memberId)) ?? null)),
    [memberId],
  );

  // Pokok and wajib have a set amount: fill it in until the user types their own.
  // Only once the settings are read: a default shown first could be saved by a quick tap.
  const preset = cooperative !== undefined && direction === 'deposit' && kind !== 'sukarela' ? amounts[kind] : undefined;
  const { touched, reset: resetAmount } = amount;
  useEffect(() => {
    if (!touched) resetAmount(preset === undefined ? '' : formatThousands(preset));
    // resetAmount is a new function each render; only a new preset or an untouched field re-fills.
  }, [preset, touched]);
  const [roundSeen, setRoundSeen] = useState(round);
  if (roundSeen !== round) {
    // "Catat transaksi lain": adjusted while rendering (React's pattern for state that follows a prop).
    setRoundSeen(round);
    amount.reset(preset === undefined ? '' : formatThousands(preset));
  }

  const warnings: SavingsWarning[] = member == null ? [] : savingsWarnings(member, direction, kind, amount.value);
  const valid = member != null && amount.value !== undefined && date.date !== undefined;
  const busy = state.status === 'saving';

  const warningText = (w: SavingsWarning): string => {
    switch (w.kind) {
      case 'pokok-paid':
        return m.warn.pokokPaid(formatRupiah(member?.savings.pokok ?? rupiah(0)));
      case 'member-left':
        return m.warn.memberLeft;
      case 'locked':
        return m.warn.locked;
      case 'overdrawn':
        return m.warn.overdrawn(formatRupiah(rupiah(w.balance)));
    }
  };

  async function record() {
    setConfirming(false);
    if (member == null || amount.value === undefined || date.date === undefined) return;
    const data = { memberId: member.memberId as MemberId, kind, amount: amount.value, via };
    await save(
      direction === 'deposit'
        ? { type: 'savings.deposited', date: date.date, data }
        : { type: 'savings.withdrawn', date: date.date, data },
      { receipt: true },
    );
  }

  const changeAnd =
    <T,>(setter: (value: T) => void) =>
    (value: T) => {
      setter(value);
      if (state.status === 'failed') reset();
    };

  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        amount.touch();
        if (!valid || busy) return;
        if (warnings.length > 0) setConfirming(true);
        else void record();
      }}
    >
      <MemberPicker value={member ?? undefined} onChange={(picked) => changeAnd(setMemberId)(picked?.memberId ?? null)} />
      {member == null ? null : (
        <p className="hint">
          {member.lastWajibMonth === null ? m.neverWajib : m.lastWajib(formatMonth(member.lastWajibMonth))}
        </p>
      )}
      <fieldset className="via-picker">
        <legend className="field__label">{m.direction}</legend>
        <div className="via-picker__options">
          {(['deposit', 'withdraw'] as const).map((d) => (
            <label key={d} className="via-picker__option">
              <input type="radio" name="savings-direction" checked={direction === d} onChange={() => changeAnd(setDirection)(d)} />
              <span>{m[d]}</span>
            </label>
          ))}
        </div>
      </fieldset>
      <fieldset className="via-picker">
        <legend className="field__label">{m.kind}</legend>
        <div className="via-picker__options">
          {KINDS.map((k) => (
            <label key={k} className="via-picker__option">
              <input type="radio" name="savings-kind" checked={kind === k} onChange={() => changeAnd(setKind)(k)} />
              <span>{m.kinds[k]}</span>
            </label>
          ))}
        </div>
        <p className="field__hint">
          {kind === 'sukarela' ? m.kindHints.sukarela : m.kindHints[kind](formatRupiah(amounts[kind]))}
          {member == null ? '' : ` ${m.balance(formatRupiah(member.savings[kind]))}`}
        </p>
      </fieldset>
      <AmountField label={m.amount} input={amount} />
      {warnings.length > 0 ? (
        <ul className="notice plain-list" aria-live="polite" data-testid="savings-warnings">
          {warnings.map((w) => (
            <li key={w.kind}>{warningText(w)}</li>
          ))}
        </ul>
      ) : null}
      <ViaPicker value={via} onChange={changeAnd(setVia)} />
      <DateField label={m.date} input={date} />
      {member === null && amount.touched ? <p className="field__error">{m.chooseMember}</p> : null}
      <SaveFeedback state={state} />
      <p className="actions">
        <button type="submit" className="button button--primary" disabled={!valid || busy}>
          {m.save[direction]}
        </button>
      </p>
      <ConfirmDialog
        open={confirming}
        title={m.confirmTitle}
        confirmLabel={m.confirmSave}
        onCancel={() => setConfirming(false)}
        onConfirm={() => void record()}
      >
        <ul className="plain-list">
          {warnings.map((w) => (
            <li key={w.kind}>{warningText(w)}</li>
          ))}
        </ul>
        <p>{m.confirmFlagged}</p>
      </ConfirmDialog>
    </form>
  );
});
