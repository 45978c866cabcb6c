import { useLiveQuery } from 'dexie-react-hooks';
import { memo, useEffect, useState } from 'react';
import { memberById } from '../../db/queries.ts';
import { addMonthsClamped, compareDates, todayInJakarta } from '../../domain/dates.ts';
import type { LoanMethod, Via } from '../../domain/entry/schema.ts';
import { newLoanId, type LoanId, type MemberId } from '../../domain/ids.ts';
import { formatRupiah, formatThousands } from '../../domain/money-format.ts';
import { rupiah } from '../../domain/money.ts';
import { DateField, IDLE_SAVE, MemberPicker, flagMessages, useDateInput, useSaveEntry, ViaPicker, type SaveEntry } from '../forms/index.ts';
import { getDb, useCanWrite, useCooperative } from '../session/index.ts';
import { defaultAdminFee, parseLoanDefaults } from './loan-defaults.ts';
import { LoanField } from './LoanField.tsx';
import { LoanSaveActions } from './LoanSaveActions.tsx';
import { LoanPageTitle } from './LoanPageTitle.tsx';
import { loansMessages } from './messages.ts';
import { MethodPicker } from './MethodPicker.tsx';
import { formatBpPercent } from './rate-input.ts';
import { SavedLoanCard } from './SavedLoanCard.tsx';
import { ScheduleTable } from './ScheduleTable.tsx';
import { summariseMethod } from './simulate.ts';
import { TermsFields } from './TermsFields.tsx';
import { bpAsInput, useFineInput, useLoanTermsInput, usePrefillTerms } from './terms-input.ts';
import { useFlaggedSave } from './use-flagged-save.ts';

/** Terms carried from the simulator (`?pokok=…&bulan=…&bunga=…&biaya=…&metode=…`) or a member's book (`?anggota=`). */
function carried(): URLSearchParams {
  return new URLSearchParams(typeof window === 'undefined' ? '' : window.location.search);
}

/** An amount carried in the URL, as the field shows it; anything but plain digits is ignored. */
function carriedAmount<K extends string>(params: URLSearchParams, name: string, key: K): Partial<Record<K, string>> {
  const raw = params.get(name);
  if (raw === null || !/^\d{1,13}$/.test(raw)) return {};
  return { [key]: formatThousands(Number(raw)) } as Partial<Record<K, string>>;
}

const isMethod = (v: string | null): v is LoanMethod => v === 'flat' || v === 'menurun' || v === 'anuitas';

/**
 * `/pinjaman/baru`: disburse a loan (`loan.disbursed`). Every field validates as typed; the
 * schedule is shown before saving; a loan to a member who left is a fact the treasurer may record,
 * after a confirmation, and it is flagged. A receipt number is taken for the member's kuitansi.
 */
export function DisburseForm() {
  const m = loansMessages.useMessages().disburseForm;
  const { state, save, reset } = useSaveEntry();
  const [round, setRound] = useState(0);
  const saved = state.status === 'saved' && state.saved.entry.type === 'loan.disbursed' ? state : undefined;
  // While the outcome shows, the fields stay mounted (hidden) with unchanged props, so "Tersimpan"
  // renders only the card: neither unmounting the form nor re-rendering it sits in that frame.
  return (
    <>
      {saved === undefined || saved.saved.entry.type !== 'loan.disbursed' ? null : (
        <SavedLoanCard state={saved} title={m.title} savedText={m.saved} receiptLabel={m.receipt} openLoanLabel={m.openLoan} loanId={saved.saved.entry.data.loanId}>
          <button
            type="button"
            className="button"
            onClick={() => {
              reset();
              setRound((n) => n + 1);
            }}
          >
            {m.another}
          </button>
        </SavedLoanCard>
      )}
      <div hidden={saved !== undefined}>
        <DisburseFields state={saved === undefined ? state : IDLE_SAVE} save={save} reset={reset} round={round} />
      </div>
    </>
  );
}

type FieldsProps = SaveEntry & {
  /** Bumped by "another loan": a new loan id, no member, no principal; the other terms stay. */
  readonly round: number;
};

const DisburseFields = memo(function DisburseFields({ state: saveState, save, reset, round }: FieldsProps) {
  const all = loansMessages.useMessages();
  const m = all.disburseForm;
  const flagText = flagMessages.useMessages();
  const canWrite = useCanWrite();
  const cooperative = useCooperative();
  const defaults = parseLoanDefaults(cooperative?.settings.loanDefaults);
  const [params] = useState(carried);
  const [memberId, setMemberId] = useState<string | null>(() => params.get('anggota'));
  const carriedMonths = Number(params.get('bulan') ?? '');
  const carriedRate = Number(params.get('bunga') ?? '');
  const carriedMethod = params.get('metode');
  const input = useLoanTermsInput({
    months: Number.isSafeInteger(carriedMonths) && carriedMonths > 0 ? carriedMonths : defaults.months,
    rateBp: Number.isSafeInteger(carriedRate) && carriedRate >= 0 && params.get('bunga') !== null ? carriedRate : defaults.rateBp,
    ...carriedAmount(params, 'pokok', 'principal'),
    ...carriedAmount(params, 'biaya', 'adminFee'),
  });
  const fromSimulator = params.get('bulan') !== null;
  usePrefillTerms(input, fromSimulator ? { months: carriedMonths, rateBp: carriedRate } : defaults);
  const [method, setMethod] = useState<LoanMethod>(isMethod(carriedMethod) ? carriedMethod : defaults.method);
  const fine = useFineInput(defaults.fineBpPerDay);
  const date = useDateInput();
  const firstDue = useDateInput(addMonthsClamped(todayInJakarta(), 1));
  const [via, setVia] = useState<Via>('cash');
  const [loanId, setLoanId] = useState<LoanId>(newLoanId);
  const flagged = useFlaggedSave({ state: saveState, save, reset });
  const { submit } = flagged;
  const member = useLiveQuery(async () => (memberId === null ? null : ((await memberById(getDb(), memberId)) ?? null)), [memberId]);
  const [roundSeen, setRoundSeen] = useState(round);
  if (roundSeen !== round) {
    // "Another loan": adjusted while rendering (React's pattern for state that follows a prop).
    setRoundSeen(round);
    setLoanId(newLoanId());
    setMemberId(null);
    input.principal.reset();
  }

  // Defaults arrive with the settings: the admin fee follows the principal until the user types one.
  const { touched: feeTouched, reset: resetFee } = input.adminFee;
  const suggestedFee = defaultAdminFee(defaults, input.principal.value);
  useEffect(() => {
    if (!feeTouched && params.get('biaya') === null) resetFee(formatThousands(suggestedFee));
  }, [suggestedFee, feeTouched]);
  const { touched: fineTouched, prefill: prefillFine } = fine;
  useEffect(() => {
    if (!fineTouched) prefillFine(bpAsInput(defaults.fineBpPerDay));
  }, [defaults.fineBpPerDay, fineTouched]);

  if (!canWrite) return <p className="notice">{all.readOnly}</p>;

  const terms = input.value;
  const dueAfterDate = date.date !== undefined && firstDue.date !== undefined && compareDates(firstDue.date, date.date) > 0;
  const summary =
    terms !== undefined && firstDue.date !== undefined
      ? summariseMethod({ principal: terms.principal, months: terms.months, rateBp: terms.rateBp, firstDue: firstDue.date }, method, terms.adminFee)
      : undefined;
  const valid = member != null && terms !== undefined && fine.check.ok && date.date !== undefined && firstDue.date !== undefined && dueAfterDate;

  function draft() {
    if (member == null || terms === undefined || !fine.check.ok || date.date === undefined || firstDue.date === undefined) return undefined;
    return {
      type: 'loan.disbursed' as const,
      date: date.date,
      data: {
        loanId,
        memberId: member.memberId as MemberId,
        principal: terms.principal,
        months: terms.months,
        rateBp: terms.rateBp,
        method,
        firstDue: firstDue.date,
        adminFee: terms.adminFee,
        fineBpPerDay: fine.check.bp,
        via,
      },
    };
  }

  return (
    <article className="page">
      <LoanPageTitle back={{ to: '/pinjaman', label: all.back }}>{m.title}</LoanPageTitle>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          input.principal.touch();
          if (valid) void submit(draft());
        }}
      >
        <MemberPicker value={member ?? undefined} onChange={(picked) => setMemberId(picked?.memberId ?? null)} />
        {member?.status === 'left' ? (
          <p className="notice" role="status" data-testid="member-left">
            {m.memberLeft}
          </p>
        ) : null}
        {member == null && input.principal.touched ? <p className="field__error">{m.chooseMember}</p> : null}
        <TermsFields input={input} />
        <MethodPicker legend={all.terms.method} name="loan-method" value={method} onChange={setMethod} />
        <LoanField label={all.terms.fine} hint={all.terms.fineHint} inputMode="decimal" input={fine} errors={all.terms.fineErrors} />
        <DateField label={all.terms.date} input={date} />
        <DateField label={all.terms.firstDue} input={firstDue} />
        {date.date !== undefined && firstDue.date !== undefined && !dueAfterDate ? (
          <p className="field__error" role="alert">
            {all.terms.firstDueBeforeDate}
          </p>
        ) : null}
        <ViaPicker value={via} onChange={setVia} />
        {summary === undefined || terms === undefined ? null : (
          <section className="card" aria-labelledby="disburse-summary">
            <h2 id="disburse-summary" className="card__title">
              {all.schedule.title}
            </h2>
            <dl className="facts">
              <div>
                <dt>{m.received}</dt>
                <dd className="amount" data-testid="disburse-received">
                  {formatRupiah(rupiah(terms.principal - terms.adminFee))}
                </dd>
              </div>
              <div>
                <dt>{m.installment}</dt>
                <dd className="amount" data-testid="disburse-installment">
                  {m.installmentRange(formatRupiah(summary.firstInstallment), formatRupiah(summary.lastInstallment))}
                </dd>
              </div>
              <div>
                <dt>{m.totalInterest}</dt>
                <dd className="amount">{formatRupiah(summary.totalInterest)}</dd>
              </div>
              <div>
                <dt>{m.effective}</dt>
                <dd>{summary.effectiveAnnualBp === null ? '—' : formatBpPercent(summary.effectiveAnnualBp)}</dd>
              </div>
            </dl>
            <ScheduleTable schedule={summary.schedule} />
          </section>
        )}
        <LoanSaveActions flagged={flagged} texts={m} disabled={!valid} draft={draft} describe={(flag) => (flag.reason === 'member-left' ? m.memberLeft : flagText[flag.reason])} testId="disburse-warnings" />
      </form>
    </article>
  );
});
