import { useId } from 'react';
import type { Via } from '../../domain/entry/schema.ts';
import { formsMessages } from './messages.ts';

export const VIAS: readonly Via[] = ['cash', 'bank', 'qris'];

type Props = {
  readonly value: Via;
  readonly onChange: (via: Via) => void;
  readonly legend?: string;
  /** A via that cannot be chosen here (e.g. the "from" side of a transfer). */
  readonly exclude?: Via;
  readonly disabled?: boolean;
};

/** Tunai / Bank / QRIS as three big radio buttons: one tap, no dropdown on a small screen. */
export function ViaPicker({ value, onChange, legend, exclude, disabled = false }: Props) {
  const m = formsMessages.useMessages();
  const name = useId();
  return (
    <fieldset className="via-picker">
      <legend className="field__label">{legend ?? m.via.legend}</legend>
      <div className="via-picker__options">
        {VIAS.filter((via) => via !== exclude).map((via) => (
          <label key={via} className="via-picker__option">
            <input
              type="radio"
              name={name}
              value={via}
              checked={value === via}
              disabled={disabled}
              onChange={() => onChange(via)}
            />
            <span>{m.via[via]}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
