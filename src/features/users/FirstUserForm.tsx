import { useState, type SyntheticEvent } from 'react';
import { FormError } from '../forms/FormError.tsx';
import { loadDb } from '../session/lazy-db.ts';
import { signIn } from '../session/session-store.ts';
import { usersMessages } from './messages.ts';
import { PinPairFields, usePinPair } from './PinPairFields.tsx';
import { checkName } from './pin-rules.ts';
import { nameProblemText } from './problem-text.ts';
import { TextField } from './TextField.tsx';
import { shown, useField } from './use-field.ts';

/**
 * Right after enrollment (or the choice to try the app): the treasurer names themself and picks a
 * PIN, typed twice. The first user is always a bendahara, who can then add the others.
 */
export function FirstUserForm() {
  const m = usersMessages.useMessages();
  const name = useField();
  const pinPair = usePinPair();
  const [submitted, setSubmitted] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | undefined>(undefined);

  const nameProblem = checkName(name.value);
  const valid = nameProblem === null && pinPair.valid;

  const onSubmit = async (event: SyntheticEvent) => {
    event.preventDefault();
    setSubmitted(true);
    if (!valid || busy) return;
    setBusy(true);
    setFailure(undefined);
    // Loaded on submit: users.ts carries the user schemas (zod), not needed to show this form.
    const [{ addUser }, db] = await Promise.all([import('../../db/users.ts'), loadDb()]);
    const result = await addUser(db, { name: name.value.trim(), role: 'bendahara', pin: pinPair.pin.value });
    setBusy(false);
    if (result.ok) {
      signIn(result.user);
      return;
    }
    setFailure(result.error === 'name-taken' ? m.errors.nameTaken : m.errors.saveFailed);
  };

  return (
    <article className="page session-page">
      <h1 className="page__title">{m.firstUser.title}</h1>
      <p className="page__intro">{m.firstUser.intro}</p>
      <form className="form" noValidate onSubmit={(event) => void onSubmit(event)}>
        <TextField
          label={m.name}
          hint={m.nameHint}
          value={name.value}
          onChange={name.set}
          onBlur={name.touch}
          autoComplete="name"
          error={shown(name, nameProblem === null ? undefined : nameProblemText(nameProblem, m), submitted)}
        />
        <p className="hint">
          {m.roleLabelFixed(m.role('bendahara'))}
        </p>
        <PinPairFields pair={pinPair} submitted={submitted} hint={m.pinHint} />
        {failure === undefined ? null : <FormError message={failure} />}
        <div className="actions">
          <button type="submit" className="button button--primary" disabled={!valid || busy}>
            {busy ? m.firstUser.saving : m.firstUser.submit}
          </button>
        </div>
      </form>
    </article>
  );
}
