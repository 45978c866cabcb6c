import { useId, type HTMLInputAutoCompleteAttribute, type Ref } from 'react';

type Props = {
  readonly label: string;
  readonly value: string;
  readonly onChange: (value: string) => void;
  readonly onBlur?: () => void;
  /** Shown (and `aria-invalid`) when defined; the parent decides when a problem is worth showing. */
  readonly error?: string | undefined;
  readonly hint?: string | undefined;
  readonly type?: 'text' | 'password' | 'url';
  readonly inputMode?: 'text' | 'numeric' | 'url';
  readonly autoComplete?: HTMLInputAutoCompleteAttribute;
  readonly maxLength?: number;
  readonly disabled?: boolean;
  readonly inputRef?: Ref<HTMLInputElement>;
};

/**
 * A labelled text input with its hint and error wired for screen readers (`aria-describedby`,
 * `aria-invalid`). Same markup and classes as the shared form kit's fields.
 */
export function TextField({
  label,
  value,
  onChange,
  onBlur,
  error,
  hint,
  type = 'text',
  inputMode,
  autoComplete = 'off',
  maxLength,
  disabled = false,
  inputRef,
}: Props) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hint === undefined ? '' : hintId, error === undefined ? '' : errorId].filter((x) => x !== '').join(' ');
  return (
    <div className="field">
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      <input
        id={id}
        ref={inputRef}
        className="field__input"
        type={type}
        inputMode={inputMode}
        autoComplete={autoComplete}
        autoCapitalize="off"
        spellCheck={false}
        value={value}
        maxLength={maxLength}
        disabled={disabled}
        aria-invalid={error !== undefined}
        aria-describedby={describedBy === '' ? undefined : describedBy}
        onChange={(event) => onChange(event.target.value)}
        onBlur={onBlur}
      />
      {hint === undefined ? null : (
        <p id={hintId} className="field__hint">
          {hint}
        </p>
      )}
      {error === undefined ? null : (
        <p id={errorId} className="field__error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
