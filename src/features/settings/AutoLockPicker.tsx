import { useId } from 'react';
import { AUTO_LOCK_CHOICES, setAutoLockMinutes, useAutoLockMinutes } from '../users/auto-lock-preference.ts';
import { settingsMessages } from './messages.ts';

/** How long this phone may sit unused before it locks: a preference of the phone, not a ledger fact. */
export function AutoLockPicker() {
  const m = settingsMessages.useMessages().autoLock;
  const minutes = useAutoLockMinutes();
  const id = useId();
  return (
    <section className="card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="card__title">
        {m.title}
      </h2>
      <div className="field">
        <label className="field__label" htmlFor={id}>
          {m.label}
        </label>
        <select id={id} className="field__input" value={minutes} onChange={(event) => setAutoLockMinutes(Number(event.target.value))}>
          {AUTO_LOCK_CHOICES.map((choice) => (
            <option key={choice} value={choice}>
              {m.minutes(choice)}
            </option>
          ))}
        </select>
        <p className="field__hint">{m.hint}</p>
      </div>
    </section>
  );
}
