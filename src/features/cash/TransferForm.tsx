import { useState } from 'react';
import { todayInJakarta } from '../../domain/dates.ts';
import type { Via } from '../../domain/entry/schema.ts';
import { formatRupiah } from '../../domain/money-format.ts';
import {
  AmountField,
  DateField,
  formsMessages,
  SaveFeedback,
  useAmountInput,
  useDateInput,
  useSaveEntry,
  ViaPicker,
} from '../forms/index.ts';
import { cashMessages } from './messages.ts';
import { SavedCard } from './SavedCard.tsx';
import { balanceOf, useCashToday } from './use-cash-today.ts';

/**
 * Pindah dana between the cash box, the bank and QRIS (`cash.transferred`: D to / K from). The
 * same via on both sides is refused here as the domain refuses it (`transfer-same-via`).
 */
export function TransferForm() {
  const m = cashMessages.useMessages();
  const f = formsMessages.useMessages();
  const [from, setFrom] = useState<Via>('cash');
  const [to, setTo] = useState<Via>('bank');
  const amount = useAmountInput();
  const date = useDateInput();
  const { state, save, reset } = useSaveEntry();
  const cash = useCashToday(todayInJakarta());
  const same = from === to;
  const valid = !same && amount.value !== undefined && date.date !== undefined;
  const busy = state.status === 'saving';
  const balance = balanceOf(cash, from);
  const warning =
    balance !== undefined && amount.value !== undefined && amount.value > balance
      ? m.moreThanBalance(f.via[from], formatRupiah(balance))
      : undefined;

  if (state.status === 'saved') {
    return (
      <SavedCard
        saved={state.saved}
        onAnother={() => {
          reset();
          amount.reset();
        }}
      />
    );
  }

  return (
    <form
      noValidate
      aria-label={m.modes.transfer}
      onSubmit={(event) => {
        event.preventDefault();
        amount.touch();
        if (!valid || busy || amount.value === undefined || date.date === undefined) return;
        void save({ type: 'cash.transferred', date: date.date, data: { from, to, amount: amount.value } }, { receipt: true });
      }}
    >
      <ViaPicker legend={m.from} value={from} onChange={setFrom} />
      <ViaPicker legend={m.to} value={to} onChange={setTo} />
      {same ? (
        <p className="field__error" role="alert">
          {m.sameVia}
        </p>
      ) : null}
      <AmountField label={m.amount} input={amount} warning={warning} />
      <DateField label={m.date} input={date} />
      <SaveFeedback state={state} />
      <p className="actions">
        <button type="submit" className="button button--primary" disabled={!valid || busy}>
          {m.save.transfer}
        </button>
      </p>
    </form>
  );
}
