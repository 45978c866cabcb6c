import { useId, useState } from 'react';
import { isValidBusinessDate, todayInJakarta } from '../../domain/dates.ts';
import { formsMessages } from './messages.ts';

export type DateInput = {
  readonly value: string;
  readonly setValue: (date: string) => void;
  /** The business date, or undefined while the field holds no valid date. */
  readonly date: string | undefined;
};

/** A business date (`YYYY-MM-DD`, Asia/Jakarta); starts at today in Jakarta, not the phone's zone. */
export function useDateInput(initial?: string): DateInput {
  const [value, setValue] = useState(() => initial ?? todayInJakarta());
  return { value, setValue, date: isValidBusinessDate(value) ? value : undefined };
}

type Props = {
  readonly label: string;
  readonly input: DateInput;
  readonly min?: string;
  readonly max?: string;
  readonly disabled?: boolean;
};

export function DateField({ label, input, min, max, disabled = false }: Props) {
  const m = formsMessages.useMessages();
  const id = useId();
  const errorId = `${id}-error`;
  const error = input.value === '' ? m.dateRequired : input.date === undefined ? m.dateInvalid : undefined;
  return (
    <div className="field">
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      <input
        id={id}
        className="field__input"
        type="date"
        value={input.value}
        min={min}
        max={max}
        disabled={disabled}
        aria-invalid={error !== undefined}
        aria-describedby={error === undefined ? undefined : errorId}
        onChange={(event) => input.setValue(event.target.value)}
      />
      {error === undefined ? null : (
        <p id={errorId} className="field__error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
