import { useEffect, useRef, useState, type SyntheticEvent } from 'react';
import type { AdminFailure } from './admin-client.ts';
import { useAdminSession, type SignedOutNotice } from './admin-session.ts';
import { useAdminClient } from './client-context.ts';
import { failureText } from './error-text.ts';
import { districtMessages } from './messages.ts';
import { TextField } from './TextField.tsx';

/**
 * Staff login. The server sets an HttpOnly, SameSite=Strict cookie; the page keeps nothing. Wrong
 * credentials and the throttle ("coba lagi dalam N menit", from Retry-After) are said plainly; the
 * password field is emptied after a failure so the next try starts clean.
 */
export function LoginPage({ notice }: { readonly notice: SignedOutNotice }) {
  const m = districtMessages.useMessages();
  const client = useAdminClient();
  const { signedIn } = useAdminSession();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [touched, setTouched] = useState({ username: false, password: false });
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<AdminFailure | null>(null);
  const errorRef = useRef<HTMLParagraphElement>(null);

  const usernameError = username.trim() === '' ? m.login.usernameRequired : null;
  const passwordError = password === '' ? m.login.passwordRequired : null;
  const valid = usernameError === null && passwordError === null;

  useEffect(() => {
    if (failure !== null) errorRef.current?.focus();
  }, [failure]);

  const submit = async (event: SyntheticEvent) => {
    event.preventDefault();
    setTouched({ username: true, password: true });
    if (!valid || busy) return;
    setBusy(true);
    setFailure(null);
    const result = await client.login(username.trim(), password);
    setBusy(false);
    if (result.ok) {
      signedIn(result.value);
      return;
    }
    setPassword('');
    setTouched((t) => ({ ...t, password: false }));
    setFailure(result.error);
  };

  return (
    <section className="district-login" aria-labelledby="district-login-title">
      <h1 id="district-login-title" className="page__title">
        {m.login.title}
      </h1>
      <p className="page__intro">{m.login.intro}</p>
      {notice === null ? null : (
        <p className="notice" role="status">
          {notice === 'expired' ? m.login.expired : m.login.loggedOut}
        </p>
      )}
      <form className="card" noValidate onSubmit={(event) => void submit(event)}>
        <TextField
          label={m.login.username}
          value={username}
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
          required
          onChange={(value) => {
            setUsername(value);
            setTouched((t) => ({ ...t, username: true }));
          }}
          error={touched.username ? usernameError : null}
        />
        <TextField
          label={m.login.password}
          type="password"
          value={password}
          autoComplete="current-password"
          required
          onChange={(value) => {
            setPassword(value);
            setTouched((t) => ({ ...t, password: true }));
          }}
          error={touched.password ? passwordError : null}
        />
        {failure === null ? null : (
          <p className="form-error" role="alert" tabIndex={-1} ref={errorRef}>
            {failureText(failure, m)}
          </p>
        )}
        <div className="actions">
          <button type="submit" className="button button--primary" disabled={!valid || busy}>
            {busy ? m.login.submitting : m.login.submit}
          </button>
        </div>
      </form>
    </section>
  );
}
