import { AmountField } from '../forms/index.ts';
import { LoanField } from './LoanField.tsx';
import { loansMessages } from './messages.ts';
import type { LoanTermsInput } from './terms-input.ts';

/** Pokok, lama, bunga and biaya administrasi, each with its own live error in Indonesian. */
export function TermsFields({ input }: { readonly input: LoanTermsInput }) {
  const m = loansMessages.useMessages().terms;
  const { principal, months, rate, adminFee, feeTooLarge } = input;
  return (
    <>
      <AmountField label={m.principal} input={principal} />
      <LoanField label={m.months} hint={m.monthsHint} inputMode="numeric" input={months} errors={m.monthsErrors} />
      <LoanField label={m.rate} hint={m.rateHint} inputMode="decimal" input={rate} errors={m.rateErrors} />
      <AmountField label={m.adminFee} hint={m.adminFeeHint} input={adminFee} />
      {feeTooLarge ? (
        <p className="field__error" role="alert">
          {m.feeTooLarge}
        </p>
      ) : null}
    </>
  );
}
