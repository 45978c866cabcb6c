import { useId } from 'react';
import { formatRupiah } from '../../domain/money-format.ts';
import { rupiah } from '../../domain/money.ts';
import { terbilang } from '../../domain/terbilang.ts';
import type { AmountCheck, AmountInput } from './amount-input.ts';
import { formsMessages } from './messages.ts';

type Props = {
  readonly label: string;
  readonly input: AmountInput;
  /** A warning about a valid amount (e.g. more than the balance); shown, but does not block. */
  readonly warning?: string | undefined;
  readonly hint?: string;
  readonly disabled?: boolean;
};

/**
 * An amount as the treasurer types it on a phone (`inputMode="numeric"` opens the digit keypad,
 * but the field is text so `1,5jt` and `150rb` work too). Under it: the amount as read (`Rp1.500.000`)
 * and in words, so a wrong number of zeros is visible before saving.
 */
export function AmountField({ label, input, warning, hint, disabled = false }: Props) {
  const m = formsMessages.useMessages();
  const id = useId();
  const showError = !input.check.ok && (input.touched || input.text !== '');
  const hintId = `${id}-hint`;
  const readId = `${id}-read`;
  const errorId = `${id}-error`;
  const warningId = `${id}-warning`;
  const describedBy = [hintId, showError ? errorId : readId, warning !== undefined && input.check.ok ? warningId : '']
    .filter((x) => x !== '')
    .join(' ');
  return (
    <div className="field">
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      <input
        id={id}
        className="field__input field__input--amount"
        type="text"
        inputMode="numeric"
        autoComplete="off"
        value={input.text}
        disabled={disabled}
        aria-invalid={showError}
        aria-describedby={describedBy}
        onChange={(event) => input.setText(event.target.value)}
        onBlur={input.touch}
      />
      <p id={hintId} className="field__hint">
        {hint ?? m.amountHint}
      </p>
      {showError ? (
        <p id={errorId} className="field__error" role="alert">
          {amountErrorText(input.check, m)}
        </p>
      ) : input.check.ok ? (
        <p id={readId} className="field__read" aria-live="polite">
          <strong>{formatRupiah(input.check.value)}</strong>
          <span className="field__words">
            {m.terbilangLabel}: {terbilang(input.check.value)}
          </span>
        </p>
      ) : (
        <p id={readId} className="field__read" aria-live="polite" />
      )}
      {warning !== undefined && input.check.ok ? (
        <p id={warningId} className="field__warning" role="status">
          {warning}
        </p>
      ) : null}
    </div>
  );
}

type Messages = ReturnType<typeof formsMessages.current>;

export function amountErrorText(check: AmountCheck, m: Messages): string {
  if (check.ok) return '';
  if (check.error === 'too-large' && check.max !== undefined) return m.tooLargeFor(formatRupiah(rupiah(check.max)));
  return m.amountErrors[check.error];
}
