import { memo, useId, useLayoutEffect, useState } from 'react';
import { formatDateId, todayInJakarta } from '../../domain/dates.ts';
import type { Via } from '../../domain/entry/schema.ts';
import type { LoanId } from '../../domain/ids.ts';
import type { LoanRow, MemberRow } from '../../domain/ledger/index.ts';
import { daysPastDue, nextDue, suggestedFine, unpaidPerInstallment } from '../../domain/loans/status.ts';
import { formatRupiah, formatThousands } from '../../domain/money-format.ts';
import { rupiah } from '../../domain/money.ts';
import { AmountField, DateField, flagMessages, IDLE_SAVE, useAmountInput, useDateInput, useSaveEntry, ViaPicker, type SaveEntry, type ScreenDraft } from '../forms/index.ts';
import { useCanWrite } from '../session/index.ts';
import { LoanSaveActions } from './LoanSaveActions.tsx';
import { LoanPageTitle } from './LoanPageTitle.tsx';
import { loansMessages } from './messages.ts';
import { settlementOf, suggestSplit, type Split } from './repayment-split.ts';
import { SavedLoanCard } from './SavedLoanCard.tsx';
import { useFlaggedSave } from './use-flagged-save.ts';

type Props = { readonly loan: LoanRow; readonly member: MemberRow | null; readonly settle: boolean };

/**
 * `/pinjaman/<loanId>/bayar`: money received for a loan (`loan.repaid`). The split into pokok, jasa
 * and denda is suggested by the shared allocation rules and may be edited; it must sum to the money
 * received and carry principal > 0 (CONTRACT §2). Paying beyond what is owed is recorded only after
 * a confirmation, and flagged. `?lunas=1` prefills the early settlement amount.
 */
export function RepayForm({ loan, member, settle }: Props) {
  const m = loansMessages.useMessages().repay;
  const entry = useSaveEntry(() => repaySample(loan));
  const { state, save, reset } = entry;
  // While the outcome shows, the fields stay mounted (hidden) with unchanged props, so "Tersimpan"
  // renders only the card: neither unmounting the form nor re-rendering it sits in that frame.
  return (
    <>
      {state.status === 'saved' ? (
        <SavedLoanCard state={state} title={m.title} savedText={m.saved} receiptLabel={m.receipt} openLoanLabel={m.openLoan} loanId={loan.loanId} />
      ) : null}
      <div hidden={state.status === 'saved'}>
        <RepayFields loan={loan} member={member} settle={settle} state={state.status === 'saved' ? IDLE_SAVE : state} save={save} reset={reset} />
      </div>
    </>
  );
}

/** A payment of this loan in cash today, for the warm-up while the form is open (useSaveEntry). */
function repaySample(loan: LoanRow): ScreenDraft[] {
  const memberId = loan.disbursals[0]?.memberId;
  if (memberId === undefined) return [];
  const data = { loanId: loan.loanId as LoanId, memberId, principal: rupiah(1), interest: rupiah(0), fine: rupiah(0), via: 'cash' as const };
  return [{ type: 'loan.repaid', date: todayInJakarta(), data }];
}

type FieldsProps = Props & SaveEntry;

const RepayFields = memo(function RepayFields({ loan, member, settle, state: saveState, save, reset }: FieldsProps) {
  const all = loansMessages.useMessages();
  const m = all.repay;
  const flagText = flagMessages.useMessages();
  const id = useId();
  const canWrite = useCanWrite();
  const disbursal = loan.disbursals[0];
  const date = useDateInput();
  const asOf = date.date ?? todayInJakarta();
  const fineBp = disbursal?.fineBpPerDay ?? 0;
  const [waive, setWaive] = useState(false);
  const base = { schedule: loan.schedule, repayments: loan.repayments, asOf, fineBpPerDay: fineBp };
  const settlement = settlementOf({ ...base, waiveFine: waive });
  const amount = useAmountInput(settle ? { initial: formatThousands(settlement.total) } : {});
  const principal = useAmountInput({ allowZero: true });
  const interest = useAmountInput({ allowZero: true });
  const fine = useAmountInput({ allowZero: true });
  const [via, setVia] = useState<Via>('cash');
  const flagged = useFlaggedSave({ state: saveState, save, reset });
  const { submit } = flagged;

  const suggestion: Split | undefined = amount.value === undefined ? undefined : suggestSplit({ ...base, amount: amount.value, waiveFine: waive, settle });
  const manual = principal.touched || interest.touched || fine.touched;
  const fillSuggestion = () => {
    principal.reset(suggestion === undefined ? '' : formatThousands(suggestion.principal));
    interest.reset(suggestion === undefined ? '' : formatThousands(suggestion.interest));
    fine.reset(suggestion === undefined ? '' : formatThousands(suggestion.fine));
  };
  // A layout effect, not a passive one: the split is filled before the browser paints, so the form
  // never shows an amount beside a blank pokok/jasa/denda (a passive effect left one such frame, and
  // a test that read the fields right after the amount appeared failed on it under load).
  useLayoutEffect(() => {
    if (!manual) fillSuggestion();
    // Re-fill only when the suggestion itself changes (or the user goes back to it).
  }, [suggestion?.principal, suggestion?.interest, suggestion?.fine, manual]);

  // In settlement mode the amount follows the settlement (waiving the fine lowers it) until typed over.
  const { touched: amountTouched, reset: resetAmount } = amount;
  useLayoutEffect(() => {
    if (settle && !amountTouched) resetAmount(formatThousands(settlement.total));
  }, [settle, settlement.total, amountTouched]);

  if (!canWrite) return <p className="notice">{all.readOnly}</p>;
  if (disbursal === undefined) return <p className="notice">{all.detail.noDisbursal}</p>;

  const split = principal.value !== undefined && interest.value !== undefined && fine.value !== undefined ? { principal: principal.value, interest: interest.value, fine: fine.value } : undefined;
  const sum = split === undefined ? undefined : split.principal + split.interest + split.fine;
  const sumMismatch = split !== undefined && amount.value !== undefined && sum !== amount.value;
  const principalZero = split !== undefined && split.principal === 0;
  const outstanding = loan.outstanding;
  const beyond = split !== undefined && split.principal > outstanding;
  const valid = amount.value !== undefined && split !== undefined && !sumMismatch && !principalZero && date.date !== undefined;
  const fineNow = suggestedFine(loan.schedule, loan.repayments, asOf, fineBp);
  const next = nextDue(loan.schedule, loan.repayments, asOf);
  const unpaid = unpaidPerInstallment(loan.schedule, loan.repayments, asOf);
  const nextUnpaid = next === undefined ? undefined : unpaid[next.n - 1];

  function draft() {
    if (split === undefined || date.date === undefined || disbursal === undefined) return undefined;
    return {
      type: 'loan.repaid' as const,
      date: date.date,
      data: { loanId: loan.loanId as LoanId, memberId: disbursal.memberId, principal: split.principal, interest: split.interest, fine: split.fine, via },
    };
  }

  return (
    <article className="page">
      <LoanPageTitle back={{ to: `/pinjaman/${loan.loanId}`, label: m.openLoan }}>{m.title}</LoanPageTitle>
      {settle ? <p className="notice">{m.settlementNote}</p> : null}
      <dl className="facts">
        <div>
          <dt>{m.borrower}</dt>
          <dd>{member?.profile == null ? '—' : `${member.profile.number} ${member.profile.name}`}</dd>
        </div>
        <div>
          <dt>{m.outstanding}</dt>
          <dd className="amount" data-testid="repay-outstanding">
            {formatRupiah(outstanding)}
          </dd>
        </div>
        <div>
          <dt>{m.nextDue}</dt>
          <dd>{next === undefined ? '—' : `${formatDateId(next.due)} — ${formatRupiah(nextUnpaid ?? next.total)}`}</dd>
        </div>
        <div>
          <dt>{m.daysPastDue}</dt>
          <dd>{daysPastDue(loan.schedule, loan.repayments, asOf)}</dd>
        </div>
        <div>
          <dt>{m.suggestedFine}</dt>
          <dd className="amount" data-testid="repay-suggested-fine">
            {formatRupiah(fineNow)}
          </dd>
        </div>
      </dl>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          amount.touch();
          if (valid) void submit(draft());
        }}
      >
        <AmountField label={m.amount} input={amount} />
        <DateField label={m.date} input={date} />
        <div className="field">
          <label className="check-row">
            <input type="checkbox" checked={waive} onChange={(event) => setWaive(event.target.checked)} aria-describedby={`${id}-waive`} />
            <span>{m.waive}</span>
          </label>
          <p id={`${id}-waive`} className="field__hint">
            {m.waiveHint}
          </p>
        </div>
        <fieldset className="card" aria-describedby={`${id}-split`}>
          <legend className="card__title">{m.split}</legend>
          <p id={`${id}-split`} className="field__hint">
            {m.splitHint}
          </p>
          <AmountField label={m.principal} input={principal} />
          <AmountField label={m.interest} input={interest} />
          <AmountField label={m.fine} input={fine} />
          {manual && suggestion !== undefined ? (
            <button type="button" className="button" onClick={fillSuggestion}>
              {m.useSuggestion}
            </button>
          ) : null}
          {sumMismatch && sum !== undefined && amount.value !== undefined ? (
            <p className="field__error" role="alert">
              {m.sumMismatch(formatRupiah(rupiah(sum)), formatRupiah(amount.value))}
            </p>
          ) : null}
          {principalZero ? (
            <p className="field__error" role="alert">
              {m.principalZero}
            </p>
          ) : null}
          {beyond ? (
            <p className="field__warning" role="status" data-testid="repay-beyond">
              {m.beyond(formatRupiah(outstanding))}
            </p>
          ) : null}
        </fieldset>
        <ViaPicker value={via} onChange={setVia} />
        <LoanSaveActions flagged={flagged} texts={m} disabled={!valid} draft={draft} describe={(flag) => flagText[flag.reason]} testId="repay-warnings" />
      </form>
    </article>
  );
});
