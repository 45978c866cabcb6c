import { useEffect, useRef, useState, type SyntheticEvent } from 'react';
import { useGateLockUsers } from '../session/gate-state.ts';
import { loadDb } from '../session/lazy-db.ts';
import { signIn } from '../session/session-store.ts';
import { usersMessages } from './messages.ts';
import { checkPin } from './pin-rules.ts';
import { pinProblemText } from './problem-text.ts';
import { TextField } from './TextField.tsx';
import { useNow } from './use-now.ts';

type Outcome =
  | { kind: 'none' }
  | { kind: 'wrong'; attemptsLeft: number }
  | { kind: 'unknown' };

/**
 * The lock screen. It shows no cooperative data — no balances, no members, not even the
 * cooperative's name — only the names of the phone's users to pick from. Unlocking keeps the
 * address bar's path, so the user returns to the screen they were on.
 */
export function LockScreen() {
  const m = usersMessages.useMessages();
  const users = useGateLockUsers();
  const [chosen, setChosen] = useState<string | null>(null);
  const [pin, setPin] = useState('');
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>({ kind: 'none' });
  const [lockedUntil, setLockedUntil] = useState<number | null>(null);
  const pinRef = useRef<HTMLInputElement>(null);

  // With one user there is nothing to choose: go straight to the PIN.
  const only = users?.length === 1 ? users[0] : undefined;
  const selectedId = chosen ?? only?.id ?? null;
  const selected = users?.find((u) => u.id === selectedId);
  const deadline = Math.max(lockedUntil ?? 0, selected?.lockedUntil ?? 0);
  const now = useNow(deadline > 0);
  const secondsLeft = deadline > now ? Math.ceil((deadline - now) / 1000) : 0;
  const pinProblem = checkPin(pin);

  useEffect(() => {
    if (selectedId !== null) pinRef.current?.focus();
  }, [selectedId]);

  const choose = (id: string) => {
    setChosen(id);
    setPin('');
    setOutcome({ kind: 'none' });
    setLockedUntil(null);
  };

  const onSubmit = async (event: SyntheticEvent) => {
    event.preventDefault();
    if (selectedId === null || pinProblem !== null || secondsLeft > 0 || busy) return;
    setBusy(true);
    // Loaded on submit: users.ts carries the user schemas (zod), not needed to show this screen.
    const [{ verifyPin }, db] = await Promise.all([import('../../db/users.ts'), loadDb()]);
    const result = await verifyPin(db, selectedId, pin);
    setBusy(false);
    setPin('');
    if (result.ok) {
      signIn(result.user);
      return;
    }
    switch (result.error) {
      case 'user-unknown':
        setOutcome({ kind: 'unknown' });
        return;
      case 'locked':
        setOutcome({ kind: 'none' });
        setLockedUntil(result.lockedUntil);
        return;
      case 'pin-wrong':
        setOutcome({ kind: 'wrong', attemptsLeft: result.attemptsLeft });
        setLockedUntil(result.lockedUntil ?? null);
        pinRef.current?.focus();
        return;
    }
  };

  const message =
    secondsLeft > 0
      ? m.errors.locked(secondsLeft)
      : outcome.kind === 'wrong'
        ? outcome.attemptsLeft > 0
          ? m.errors.pinWrong(outcome.attemptsLeft)
          : m.errors.pinWrongLocked
        : outcome.kind === 'unknown'
          ? m.errors.userUnknown
          : undefined;

  return (
    <article className="page session-page lock-screen">
      <h1 className="page__title">{m.lock.title}</h1>
      <p className="page__intro">{m.lock.intro}</p>
      <form className="form" noValidate onSubmit={(event) => void onSubmit(event)}>
        {only === undefined ? (
          <fieldset className="choice-group">
            <legend className="card__title">
              {m.lock.who}
            </legend>
            {(users ?? []).map((user) => (
              <label key={user.id} className="choice">
                <input
                  type="radio"
                  name="lock-user"
                  value={user.id}
                  checked={selectedId === user.id}
                  onChange={() => choose(user.id)}
                />
                <span>
                  {user.name} <span className="hint">({m.role(user.role)})</span>
                </span>
              </label>
            ))}
          </fieldset>
        ) : (
          <p className="lock-screen__who">
            {only.name} <span className="hint">({m.role(only.role)})</span>
          </p>
        )}
        {selected === undefined ? null : (
          <TextField
            label={m.pin}
            type="password"
            inputMode="numeric"
            autoComplete="off"
            value={pin}
            inputRef={pinRef}
            onChange={(value) => {
              setPin(value);
              if (outcome.kind !== 'none') setOutcome({ kind: 'none' });
            }}
            error={pin !== '' && pinProblem !== null && pinProblem.code === 'pin-digits' ? pinProblemText(pinProblem, m) : undefined}
            disabled={secondsLeft > 0}
          />
        )}
        {message === undefined ? null : (
          <p className="form-error" role="alert">
            {message}
          </p>
        )}
        <div className="actions">
          <button
            type="submit"
            className="button button--primary"
            disabled={selected === undefined || pinProblem !== null || secondsLeft > 0 || busy}
          >
            {busy ? m.lock.checking : m.lock.unlock}
          </button>
        </div>
      </form>
    </article>
  );
}
