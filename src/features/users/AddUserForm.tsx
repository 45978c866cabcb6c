import { useState, type SyntheticEvent } from 'react';
import { addUser, USER_ROLES, type UserRole } from '../../db/users.ts';
import { FormError } from '../forms/FormError.tsx';
import { getDb } from '../session/database.ts';
import { usersMessages } from './messages.ts';
import { PinPairFields, usePinPair } from './PinPairFields.tsx';
import { checkName } from './pin-rules.ts';
import { nameProblemText } from './problem-text.ts';
import { TextField } from './TextField.tsx';
import { shown, useField } from './use-field.ts';

/** The bendahara adds the ketua or the pengawas (or another bendahara), each with their own PIN. */
export function AddUserForm() {
  const m = usersMessages.useMessages();
  const name = useField();
  const pinPair = usePinPair();
  const [role, setRole] = useState<UserRole>('ketua');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | undefined>(undefined);
  const [added, setAdded] = useState<string | undefined>(undefined);

  const nameProblem = checkName(name.value);
  const valid = nameProblem === null && pinPair.valid;

  const onSubmit = async (event: SyntheticEvent) => {
    event.preventDefault();
    if (!valid || busy) return;
    setBusy(true);
    setFailure(undefined);
    setAdded(undefined);
    const result = await addUser(getDb(), { name: name.value.trim(), role, pin: pinPair.pin.value });
    setBusy(false);
    if (!result.ok) {
      setFailure(result.error === 'name-taken' ? m.errors.nameTaken : m.errors.saveFailed);
      return;
    }
    setAdded(result.user.name);
    name.reset();
    pinPair.reset();
  };

  return (
    <form className="form" noValidate onSubmit={(event) => void onSubmit(event)}>
      <TextField
        label={m.name}
        hint={m.nameHint}
        value={name.value}
        onChange={name.set}
        onBlur={name.touch}
        error={shown(name, nameProblem === null ? undefined : nameProblemText(nameProblem, m), false)}
      />
      <fieldset className="choice-group">
        <legend className="field__label">{m.page.roleLabel}</legend>
        {USER_ROLES.map((option) => (
          <label key={option} className="choice">
            <input type="radio" name="new-user-role" value={option} checked={role === option} onChange={() => setRole(option)} />
            <span>
              {m.role(option)} <span className="hint">— {m.roleHint(option)}</span>
            </span>
          </label>
        ))}
      </fieldset>
      <PinPairFields pair={pinPair} submitted={false} />
      {failure === undefined ? null : <FormError message={failure} />}
      {added === undefined ? null : (
        <p className="notice" role="status">
          {m.page.added(added)}
        </p>
      )}
      <div className="actions">
        <button type="submit" className="button button--primary" disabled={!valid || busy}>
          {m.page.add}
        </button>
      </div>
    </form>
  );
}
