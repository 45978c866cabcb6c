import type { LoanMethod } from '../../domain/entry/schema.ts';
import { loansMessages } from './messages.ts';
import { LOAN_METHODS } from './simulate.ts';

type Props = { readonly legend: string; readonly name: string; readonly value: LoanMethod; readonly onChange: (method: LoanMethod) => void };

/** Flat, menurun or anuitas as radio buttons, with what the chosen one means. */
export function MethodPicker({ legend, name, value, onChange }: Props) {
  const all = loansMessages.useMessages();
  return (
    <fieldset className="via-picker">
      <legend className="field__label">{legend}</legend>
      <div className="via-picker__options">
        {LOAN_METHODS.map((choice) => (
          <label key={choice} className="via-picker__option">
            <input type="radio" name={name} checked={value === choice} onChange={() => onChange(choice)} />
            <span>{all.methods[choice]}</span>
          </label>
        ))}
      </div>
      <p className="field__hint">{all.methodHints[value]}</p>
    </fieldset>
  );
}
