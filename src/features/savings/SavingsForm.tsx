import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import { memberById } from '../../db/queries.ts';
import type { SavingsKind, Via } from '../../domain/entry/schema.ts';
import type { MemberId } from '../../domain/ids.ts';
import { formatRupiah, formatThousands } from '../../domain/money-format.ts';
import { rupiah } from '../../domain/money.ts';
import {
  AmountField,
  ConfirmDialog,
  DateField,
  FlagNote,
  MemberPicker,
  SaveFeedback,
  useAmountInput,
  useDateInput,
  useSaveEntry,
  ViaPicker,
} from '../forms/index.ts';
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
  const cooperative = useCooperative();
  const amounts = savingsAmounts(cooperative?.settings);
  const [memberId, setMemberId] = useState<string | null>(memberFromQuery);
  const [direction, setDirection] = useState<Direction>('deposit');
  const [kind, setKind] = useState<SavingsKind>('wajib');
  const [via, setVia] = useState<Via>('cash');
  const amount = useAmountInput();
  const date = useDateInput();
  const [confirming, setConfirming] = useState(false);
  const { state, save, reset } = useSaveEntry();
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

  if (!canWrite) return <p className="notice">{m.readOnly}</p>;

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

  function startOver() {
    reset();
    amount.reset(preset === undefined ? '' : formatThousands(preset));
  }

  if (state.status === 'saved') {
    return (
      <section className="card">
        <SaveFeedback state={state} />
        <FlagNote flags={state.saved.flags} />
        <p className="actions">
          <Link to={`/kuitansi/${state.saved.entry.id}`} className="button button--primary">
            {m.receipt}
          </Link>
          <button type="button" className="button" onClick={startOver}>
            {m.another}
          </button>
          {member == null ? null : (
            <Link to={`/anggota/${member.memberId}`} className="button">
              {m.book}
            </Link>
          )}
        </p>
      </section>
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
}
