import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import { memberById } from '../../db/queries.ts';
import { addMonthsClamped, compareDates, todayInJakarta } from '../../domain/dates.ts';
import type { LoanMethod, Via } from '../../domain/entry/schema.ts';
import { newLoanId, type LoanId, type MemberId } from '../../domain/ids.ts';
import type { Flag } from '../../domain/ledger/index.ts';
import { formatRupiah, formatThousands } from '../../domain/money-format.ts';
import { rupiah } from '../../domain/money.ts';
import { flagsIfSaved } from '../corrections/flag-preview.ts';
import {
  ConfirmDialog,
  DateField,
  FlagNote,
  MemberPicker,
  SaveFeedback,
  flagMessages,
  useDateInput,
  useSaveEntry,
  ViaPicker,
} from '../forms/index.ts';
import { Link } from '../navigation/link.tsx';
import { getDb, useCanWrite, useCooperative } from '../session/index.ts';
import { defaultAdminFee, parseLoanDefaults } from './loan-defaults.ts';
import { LoanField } from './LoanField.tsx';
import { loansMessages } from './messages.ts';
import { formatBpPercent } from './rate-input.ts';
import { ScheduleTable } from './ScheduleTable.tsx';
import { summariseMethod, LOAN_METHODS } from './simulate.ts';
import { TermsFields } from './TermsFields.tsx';
import { bpAsInput, useFineInput, useLoanTermsInput, usePrefillTerms } from './terms-input.ts';

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
  const [confirming, setConfirming] = useState<Flag[] | null>(null);
  const { state, save, reset } = useSaveEntry();
  const member = useLiveQuery(async () => (memberId === null ? null : ((await memberById(getDb(), memberId)) ?? null)), [memberId]);

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
  const busy = state.status === 'saving';
  const showFine = !fine.check.ok && (fine.touched || fine.text !== '');

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

  async function submit() {
    const candidate = draft();
    if (candidate === undefined || busy) return;
    const flags = await flagsIfSaved(getDb(), candidate);
    if (flags.length > 0) setConfirming(flags);
    else await save(candidate, { receipt: true });
  }

  async function confirmed() {
    setConfirming(null);
    const candidate = draft();
    if (candidate !== undefined) await save(candidate, { receipt: true });
  }

  if (state.status === 'saved') {
    const savedLoan = state.saved.entry.type === 'loan.disbursed' ? state.saved.entry.data.loanId : loanId;
    return (
      <article className="page">
        <h1 className="page__title">{m.title}</h1>
        <section className="card">
          <SaveFeedback state={state} />
          <p>{m.saved}</p>
          <FlagNote flags={state.saved.flags} />
          <p className="actions">
            <Link to={`/kuitansi/${state.saved.entry.id}`} className="button button--primary">
              {m.receipt}
            </Link>
            <Link to={`/pinjaman/${savedLoan}`} className="button">
              {m.openLoan}
            </Link>
            <button
              type="button"
              className="button"
              onClick={() => {
                reset();
                setLoanId(newLoanId());
                setMemberId(null);
                input.principal.reset();
              }}
            >
              {m.another}
            </button>
          </p>
        </section>
      </article>
    );
  }

  return (
    <article className="page">
      <p>
        <Link to="/pinjaman">{all.back}</Link>
      </p>
      <h1 className="page__title">{m.title}</h1>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          input.principal.touch();
          if (valid) void submit();
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
        <fieldset className="via-picker">
          <legend className="field__label">{all.terms.method}</legend>
          <div className="via-picker__options">
            {LOAN_METHODS.map((choice) => (
              <label key={choice} className="via-picker__option">
                <input type="radio" name="loan-method" checked={method === choice} onChange={() => setMethod(choice)} />
                <span>{all.methods[choice]}</span>
              </label>
            ))}
          </div>
          <p className="field__hint">{all.methodHints[method]}</p>
        </fieldset>
        <LoanField
          label={all.terms.fine}
          hint={all.terms.fineHint}
          inputMode="decimal"
          value={fine.text}
          onChange={fine.set}
          onBlur={fine.touch}
          error={showFine && !fine.check.ok ? all.terms.fineErrors[fine.check.error] : undefined}
        />
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
        <SaveFeedback state={state} />
        <p className="actions">
          <button type="submit" className="button button--primary" disabled={!valid || busy}>
            {m.save}
          </button>
        </p>
        <ConfirmDialog
          open={confirming !== null}
          title={m.confirmTitle}
          confirmLabel={m.confirmSave}
          onCancel={() => setConfirming(null)}
          onConfirm={() => void confirmed()}
        >
          <ul className="plain-list" data-testid="disburse-warnings">
            {(confirming ?? []).map((flag) => (
              <li key={flag.reason}>{flag.reason === 'member-left' ? m.memberLeft : flagText[flag.reason]}</li>
            ))}
          </ul>
          <p>{m.confirmFlagged}</p>
        </ConfirmDialog>
      </form>
    </article>
  );
}
