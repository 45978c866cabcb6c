import { useId } from 'react';
import { cashMessages } from './messages.ts';
import { MEMO_MAX, type MemoInput } from './memo-input.ts';

type Props = { readonly label: string; readonly hint: string; readonly input: MemoInput; readonly required?: boolean };

/** A memo typed by the treasurer; its problem shows once the field was changed or left. */
export function MemoField({ label, hint, input, required = true }: Props) {
  const m = cashMessages.useMessages();
  const id = useId();
  const problem = input.check.ok ? null : input.check.error === 'too-long' ? m.memoTooLong(MEMO_MAX) : required ? m.memoRequired : null;
  const showError = problem !== null && input.touched;
  return (
    <div className="field">
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      <input
        id={id}
        className="field__input"
        type="text"
        autoComplete="off"
        value={input.text}
        aria-invalid={showError}
        aria-describedby={showError ? `${id}-hint ${id}-error` : `${id}-hint`}
        onChange={(event) => input.setText(event.target.value)}
        onBlur={input.touch}
      />
      <p id={`${id}-hint`} className="field__hint">
        {hint}
      </p>
      {showError ? (
        <p id={`${id}-error`} className="field__error" role="alert">
          {problem}
        </p>
      ) : null}
    </div>
  );
}
