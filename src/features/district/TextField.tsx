import { useId, type InputHTMLAttributes } from 'react';

type Props = Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'value' | 'onChange' | 'className'> & {
  readonly label: string;
  readonly value: string;
  readonly onChange: (value: string) => void;
  /** Shown (and announced) only once the field was touched, so an empty form does not shout. */
  readonly error: string | null;
  readonly hint?: string;
  readonly large?: boolean;
};

/** A labelled text input with its hint and error wired for screen readers (aria-describedby). */
export function TextField({ label, value, onChange, error, hint, large = false, ...rest }: Props) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hint === undefined ? null : hintId, error === null ? null : errorId].filter((x) => x !== null).join(' ');
  return (
    <div className="field">
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      {hint === undefined ? null : (
        <p className="field__hint" id={hintId}>
          {hint}
        </p>
      )}
      <input
        {...rest}
        id={id}
        className={large ? 'field__input district-input--large' : 'field__input'}
        value={value}
        aria-invalid={error === null ? 'false' : 'true'}
        aria-describedby={describedBy === '' ? undefined : describedBy}
        onChange={(event) => onChange(event.target.value)}
      />
      {error === null ? null : (
        <p className="field__error" id={errorId}>
          {error}
        </p>
      )}
    </div>
  );
}
