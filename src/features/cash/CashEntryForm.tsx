import { useLiveQuery } from 'dexie-react-hooks';
import { memo, useId, useState } from 'react';
import { todayInJakarta } from '../../domain/dates.ts';
import type { Via } from '../../domain/entry/schema.ts';
import type { MemberId } from '../../domain/ids.ts';
import type { MemberRow } from '../../domain/ledger/index.ts';
import { ACCOUNTS } from '../../domain/chart.ts';
import { formatRupiah } from '../../domain/money-format.ts';
import { rupiah } from '../../domain/money.ts';
import {
  AmountField,
  DateField,
  formsMessages,
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
import { getDb } from '../session/index.ts';
import { accountsFor, DEFAULT_ACCOUNT, readChart } from './cash-accounts.ts';
import { MemoField } from './MemoField.tsx';
import { SavedCard } from './SavedCard.tsx';
import { useMemoInput } from './memo-input.ts';
import { shopSalesMemo } from './sales-memo.ts';
import { cashMessages } from './messages.ts';
import { balanceOf, useCashToday } from './use-cash-today.ts';

export type CashEntryMode = 'in' | 'out' | 'sales';

/**
 * Kas masuk (`cash.received` against a revenue, equity or liability account, memo required,
 * member optional), kas keluar (`cash.paid` against an expense, asset or liability account) and
 * the day's shop sales (`cash.received` to 4-110 "Penjualan gerai <date>", member optional so a
 * member's purchases count for the patronage share of the SHU). Every one gets a receipt.
 */
export function CashEntryForm({ mode }: { readonly mode: CashEntryMode }) {
  const { state, save, reset } = useSaveEntry(cashSamples);
  const [round, setRound] = useState(0);
  const saved = state.status === 'saved' ? state.saved : undefined;
  // While the outcome shows, the fields stay mounted (hidden) with unchanged props, so "Tersimpan"
  // renders only this card: neither unmounting the form nor re-rendering it sits in that frame.
  return (
    <>
      {saved === undefined ? null : (
        <SavedCard
          saved={saved}
          onAnother={() => {
            reset();
            setRound((n) => n + 1);
          }}
        />
      )}
      <div hidden={saved !== undefined}>
        <CashEntryFields mode={mode} state={saved === undefined ? state : IDLE_SAVE} save={save} reset={reset} round={round} />
      </div>
    </>
  );
}

/**
 * What the Kas forms' saves usually look like (each mode's preselected account, cash, today), for
 * the warm-up while a form is open (useSaveEntry): the amount does not change which rows the fold
 * touches. All three at once: whichever mode is tapped first finds its rows read.
 */
function cashSamples(): ScreenDraft[] {
  const date = todayInJakarta();
  const data = { amount: rupiah(1), via: 'cash' as const, memo: shopSalesMemo(date) };
  return [
    { type: 'cash.received', date, data: { ...data, account: ACCOUNTS.sales } },
    { type: 'cash.received', date, data: { ...data, account: DEFAULT_ACCOUNT.in } },
    { type: 'cash.paid', date, data: { ...data, account: DEFAULT_ACCOUNT.out } },
  ];
}

type FieldsProps = {
  readonly mode: CashEntryMode;
  /** The save's state while no outcome card shows (idle, saving, failed). */
  readonly state: SaveState;
  readonly save: SaveEntry['save'];
  readonly reset: SaveEntry['reset'];
  /** Bumped by "Catat lagi": amount, memo and member start empty again; account, via and date stay. */
  readonly round: number;
};

const CashEntryFields = memo(function CashEntryFields({ mode, state, save, reset, round }: FieldsProps) {
  const m = cashMessages.useMessages();
  const f = formsMessages.useMessages();
  const accountId = useId();
  const direction = mode === 'out' ? 'out' : 'in';
  const [account, setAccount] = useState<string>(DEFAULT_ACCOUNT[direction]);
  const [member, setMember] = useState<MemberRow | undefined>(undefined);
  const [via, setVia] = useState<Via>('cash');
  const amount = useAmountInput();
  const memo = useMemoInput();
  const date = useDateInput();
  const [roundSeen, setRoundSeen] = useState(round);
  if (roundSeen !== round) {
    // "Catat lagi": adjusted while rendering (React's pattern for state that follows a prop).
    setRoundSeen(round);
    amount.reset();
    memo.reset();
    setMember(undefined);
  }
  const chart = useLiveQuery(() => readChart(getDb()), []);
  const cash = useCashToday(todayInJakarta());
  const choices = accountsFor(direction, chart ?? []);

  const salesMemo = date.date === undefined ? undefined : shopSalesMemo(date.date);
  const memoText = mode === 'sales' ? salesMemo : memo.check.ok ? memo.check.value : undefined;
  const valid = amount.value !== undefined && date.date !== undefined && memoText !== undefined;
  const busy = state.status === 'saving';
  const balance = balanceOf(cash, via);
  const warning =
    mode === 'out' && balance !== undefined && amount.value !== undefined && amount.value > balance
      ? m.moreThanBalance(f.via[via], formatRupiah(balance))
      : undefined;

  function draft(): ScreenDraft | undefined {
    if (amount.value === undefined || date.date === undefined || memoText === undefined) return undefined;
    if (mode === 'out') {
      return { type: 'cash.paid', date: date.date, data: { account, amount: amount.value, via, memo: memoText } };
    }
    const memberId = member?.memberId as MemberId | undefined;
    return {
      type: 'cash.received',
      date: date.date,
      data: {
        account: mode === 'sales' ? ACCOUNTS.sales : account,
        amount: amount.value,
        via,
        memo: memoText,
        ...(memberId === undefined ? {} : { memberId }),
      },
    };
  }

  const changed = () => {
    if (state.status === 'failed') reset();
  };

  return (
    <form
      noValidate
      aria-label={m.modes[mode]}
      onSubmit={(event) => {
        event.preventDefault();
        const next = draft();
        if (next === undefined) {
          // Show why not: the fields' messages appear once touched. A valid form is not
          // re-rendered for it, so the tap goes straight to the save.
          amount.touch();
          memo.touch();
          return;
        }
        if (busy) return;
        void save(next, { receipt: true });
      }}
    >
      {mode === 'sales' ? null : (
        <div className="field">
          <label className="field__label" htmlFor={accountId}>
            {m.account}
          </label>
          <select
            id={accountId}
            className="field__input"
            value={account}
            aria-describedby={`${accountId}-hint`}
            onChange={(event) => {
              setAccount(event.target.value);
              changed();
            }}
          >
            {choices.map((row) => (
              <option key={row.code} value={row.code}>
                {row.code} {row.name}
              </option>
            ))}
          </select>
          <p id={`${accountId}-hint`} className="field__hint">
            {direction === 'in' ? m.accountHintIn : m.accountHintOut}
          </p>
        </div>
      )}
      <AmountField label={m.amount} input={amount} warning={warning} />
      {mode === 'sales' ? (
        <p className="hint">
          {m.memo}: {salesMemo ?? '—'}
        </p>
      ) : (
        <MemoField label={m.memo} hint={m.memoHint} input={memo} />
      )}
      {mode === 'out' ? null : (
        <>
          <MemberPicker label={m.member} value={member} onChange={setMember} />
          {mode === 'sales' ? <p className="hint">{m.memberSalesHint}</p> : null}
        </>
      )}
      <ViaPicker
        value={via}
        onChange={(next) => {
          setVia(next);
          changed();
        }}
      />
      <DateField label={m.date} input={date} />
      <SaveFeedback state={state} />
      <p className="actions">
        <button type="submit" className="button button--primary" disabled={!valid || busy}>
          {m.save[mode]}
        </button>
      </p>
    </form>
  );
});
