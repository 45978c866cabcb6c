import { useState, type SyntheticEvent } from 'react';
import { changePin } from '../../db/users.ts';
import { getDb } from '../session/database.ts';
import { usersMessages } from './messages.ts';
import { checkPin } from './pin-rules.ts';
import { pinProblemText } from './problem-text.ts';
import { TextField } from './TextField.tsx';
import { shown, useField } from './use-field.ts';

/** The signed-in user changes their own PIN; the current PIN is checked with the same lockout. */
export function ChangePinForm({ userId }: { readonly userId: string }) {
  const m = usersMessages.useMessages();
  const current = useField();
  const next = useField();
  const again = useField();
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ ok: true } | { ok: false; text: string } | undefined>(undefined);

  const currentProblem = current.value === '' ? m.errors.pinEmpty : undefined;
  const nextProblem = checkPin(next.value);
  const againProblem = again.value !== next.value ? m.errors.pinMismatch : undefined;
  const valid = currentProblem === undefined && nextProblem === null && againProblem === undefined;

  const onSubmit = async (event: SyntheticEvent) => {
    event.preventDefault();
    if (!valid || busy) return;
    setBusy(true);
    const outcome = await changePin(getDb(), userId, current.value, next.value);
    setBusy(false);
    current.reset();
    if (outcome.ok) {
      next.reset();
      again.reset();
      setResult({ ok: true });
      return;
    }
    switch (outcome.error) {
      case 'pin-wrong':
        setResult({ ok: false, text: m.errors.pinWrongShort });
        return;
      case 'locked':
        setResult({ ok: false, text: m.errors.pinWrongLocked });
        return;
      case 'user-unknown':
        setResult({ ok: false, text: m.errors.userUnknown });
        return;
      case 'pin-format':
        setResult({ ok: false, text: m.errors.pinLength(next.value.length) });
        return;
    }
  };

  return (
    <form className="form" noValidate onSubmit={(event) => void onSubmit(event)}>
      <TextField
        label={m.page.currentPin}
        type="password"
        inputMode="numeric"
        value={current.value}
        onChange={current.set}
        onBlur={current.touch}
        error={shown(current, currentProblem, false)}
      />
      <TextField
        label={m.page.newPin}
        type="password"
        inputMode="numeric"
        value={next.value}
        onChange={next.set}
        onBlur={next.touch}
        error={shown(next, nextProblem === null ? undefined : pinProblemText(nextProblem, m), false)}
      />
      <TextField
        label={m.page.newPinAgain}
        type="password"
        inputMode="numeric"
        value={again.value}
        onChange={again.set}
        onBlur={again.touch}
        error={shown(again, againProblem, false)}
      />
      {result === undefined ? null : result.ok ? (
        <p className="notice" role="status">
          {m.page.pinChanged}
        </p>
      ) : (
        <p className="form-error" role="alert">
          {result.text}
        </p>
      )}
      <div className="actions">
        <button type="submit" className="button button--primary" disabled={!valid || busy}>
          {m.page.changePin}
        </button>
      </div>
    </form>
  );
}
