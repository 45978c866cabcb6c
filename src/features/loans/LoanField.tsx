import { useId } from 'react';
import type { TextInput } from './terms-input.ts';

/** What a typed loan number parses to: a value, or why not (an error code with a text per code). */
type Checked<E extends string> = { readonly ok: true } | { readonly ok: false; readonly error: E };

type Props<E extends string> = {
  readonly label: string;
  readonly input: TextInput<Checked<E>>;
  /** The Indonesian (or English) text of each error code. */
  readonly errors: Readonly<Record<E, string>>;
  readonly hint?: string;
  readonly inputMode: 'numeric' | 'decimal';
};

/**
 * A short number typed as text (months, a percent): label, hint, and the error tied to the input,
 * shown as soon as the field was typed in or left (not on an untouched, empty field).
 */
export function LoanField<E extends string>({ label, input, errors, hint, inputMode }: Props<E>) {
  const id = useId();
  const { check } = input;
  const error = !check.ok && (input.touched || input.text !== '') ? errors[check.error] : undefined;
  const describedBy = [hint === undefined ? '' : `${id}-hint`, error === undefined ? '' : `${id}-error`].filter((x) => x !== '').join(' ');
  return (
    <div className="field">
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      <input
        id={id}
        className="field__input"
        type="text"
        inputMode={inputMode}
        autoComplete="off"
        value={input.text}
        aria-invalid={error !== undefined}
        aria-describedby={describedBy === '' ? undefined : describedBy}
        onChange={(event) => input.set(event.target.value)}
        onBlur={input.touch}
      />
      {hint === undefined ? null : (
        <p id={`${id}-hint`} className="field__hint">
          {hint}
        </p>
      )}
      {error === undefined ? null : (
        <p id={`${id}-error`} className="field__error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
