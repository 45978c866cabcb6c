import { useId, type HTMLAttributes } from 'react';

type Props = {
  readonly label: string;
  readonly value: string;
  readonly onChange: (value: string) => void;
  /** Shown only once the field was touched (typed in or left). */
  readonly error?: string | undefined;
  readonly touched: boolean;
  readonly onBlur: () => void;
  readonly inputMode?: HTMLAttributes<HTMLInputElement>['inputMode'];
  readonly autoComplete?: string;
  readonly type?: 'text' | 'tel';
};

/** A labelled text input with its error tied to it (`aria-invalid`, `aria-describedby`). */
export function TextField({ label, value, onChange, error, touched, onBlur, inputMode, autoComplete = 'off', type = 'text' }: Props) {
  const id = useId();
  const show = error !== undefined && touched;
  return (
    <div className="field">
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      <input
        id={id}
        className="field__input"
        type={type}
        value={value}
        inputMode={inputMode}
        autoComplete={autoComplete}
        aria-invalid={show}
        aria-describedby={show ? `${id}-error` : undefined}
        onChange={(event) => onChange(event.target.value)}
        onBlur={onBlur}
      />
      {show ? (
        <p id={`${id}-error`} className="field__error" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}
