import { useId, useState } from 'react';
import { todayInJakarta } from '../../domain/dates.ts';
import { reportsMessages } from './messages.ts';

export type YearInput = { readonly text: string; readonly setText: (text: string) => void; readonly year: number | undefined };

/** A financial year typed as 4 digits; 2000–2200 as the reports accept (domain/reports `year`). */
export function parseYear(text: string): number | undefined {
  if (!/^\d{4}$/u.test(text.trim())) return undefined;
  const year = Number(text.trim());
  return year >= 2000 && year <= 2200 ? year : undefined;
}

/** The financial year a report or a closing usually means: the last one that has ended. */
export function lastYear(): number {
  return Number(todayInJakarta().slice(0, 4)) - 1;
}

export function useYearInput(initial: number): YearInput {
  const [text, setText] = useState(String(initial));
  return { text, setText, year: parseYear(text) };
}

export function YearField({ input, label }: { readonly input: YearInput; readonly label?: string }) {
  const m = reportsMessages.useMessages();
  const id = useId();
  const invalid = input.year === undefined;
  return (
    <div className="field">
      <label className="field__label" htmlFor={id}>
        {label ?? m.year}
      </label>
      <input
        id={id}
        className="field__input field__input--year"
        type="text"
        inputMode="numeric"
        autoComplete="off"
        maxLength={4}
        value={input.text}
        aria-invalid={invalid}
        aria-describedby={invalid ? `${id}-error` : undefined}
        onChange={(event) => input.setText(event.target.value)}
      />
      {invalid ? (
        <p id={`${id}-error`} className="field__error" role="alert">
          {m.yearInvalid}
        </p>
      ) : null}
    </div>
  );
}
