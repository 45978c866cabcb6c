import { AmountField } from '../forms/index.ts';
import { LoanField } from './LoanField.tsx';
import { loansMessages } from './messages.ts';
import type { LoanTermsInput } from './terms-input.ts';

/** Pokok, lama, bunga and biaya administrasi, each with its own live error in Indonesian. */
export function TermsFields({ input }: { readonly input: LoanTermsInput }) {
  const m = loansMessages.useMessages().terms;
  const { principal, months, rate, adminFee, feeTooLarge } = input;
  const showMonths = !months.check.ok && (months.touched || months.text !== '');
  const showRate = !rate.check.ok && (rate.touched || rate.text !== '');
  return (
    <>
      <AmountField label={m.principal} input={principal} />
      <LoanField
        label={m.months}
        hint={m.monthsHint}
        inputMode="numeric"
        value={months.text}
        onChange={months.set}
        onBlur={months.touch}
        error={showMonths && !months.check.ok ? m.monthsErrors[months.check.error] : undefined}
      />
      <LoanField
        label={m.rate}
        hint={m.rateHint}
        inputMode="decimal"
        value={rate.text}
        onChange={rate.set}
        onBlur={rate.touch}
        error={showRate && !rate.check.ok ? m.rateErrors[rate.check.error] : undefined}
      />
      <AmountField label={m.adminFee} hint={m.adminFeeHint} input={adminFee} />
      {feeTooLarge ? (
        <p className="field__error" role="alert">
          {m.feeTooLarge}
        </p>
      ) : null}
    </>
  );
}
