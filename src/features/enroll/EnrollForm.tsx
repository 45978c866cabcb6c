import { useState, type SyntheticEvent } from 'react';
import { browserStore, noteEnrollment } from '../../db/site-data-marker.ts';
import type { Enrolled } from '../../sync/enroll.ts';
import type { FetchLike } from '../../sync/transport.ts';
import { requestPersistence } from '../device/storage.ts';
import { FormError } from '../forms/FormError.tsx';
import { loadDb } from '../session/lazy-db.ts';
import { TextField } from '../users/TextField.tsx';
import { shown, useField } from '../users/use-field.ts';
import { checkCode, checkDeviceName, parseServerUrl } from './enrollment-input.ts';
import { enrollMessages } from './messages.ts';
import { codeProblemText, deviceNameProblemText, serverProblemText } from './problem-text.ts';

type Props = {
  /** After the server accepted the phone and the identity is stored. */
  readonly onEnrolled?: (enrolled: Enrolled) => void;
  /** The network; the browser's `fetch` unless a test passes another. */
  readonly fetch?: FetchLike;
};

const browserFetch: FetchLike = (input, init) => fetch(input, init);

/** The app's own origin: the district server serves the app, so it is the usual address. */
const ownOrigin = (): string => (typeof window === 'undefined' ? '' : window.location.origin);

/**
 * Enrolls the phone with a code from the district office. Every field is checked as it is typed;
 * the button stays disabled until all are valid. Enrolling after a trial (local-only mode) keeps
 * every entry: src/db re-issues them under the cooperative's identity before anything is sent.
 */
export function EnrollForm({ onEnrolled, fetch: fetchImpl = browserFetch }: Props) {
  const m = enrollMessages.useMessages();
  const code = useField();
  const server = useField(ownOrigin());
  const deviceName = useField(m.form.defaultDeviceName);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | undefined>(undefined);
  const [done, setDone] = useState<Enrolled | undefined>(undefined);

  const codeProblem = checkCode(code.value);
  const serverUrl = parseServerUrl(server.value);
  const nameProblem = checkDeviceName(deviceName.value);
  const valid = codeProblem === null && serverUrl.ok && nameProblem === null;

  const onSubmit = async (event: SyntheticEvent) => {
    event.preventDefault();
    if (!valid || busy) return;
    setBusy(true);
    setFailure(undefined);
    // The restore notice counts sync runs from here. Not from when `enroll` returns: the sync engine
    // starts as soon as the identity is stored, inside `enroll`, and its first run (the pull that
    // brings the books back) need not wait for this handler to go on.
    const askedAt = new Date();
    // The enrollment client (wire schemas, signing) loads on submit, not with the welcome screen.
    const [{ enroll }, db] = await Promise.all([import('../../sync/enroll.ts'), loadDb()]);
    const result = await enroll(db, {
      code: code.value,
      serverUrl: serverUrl.url === ownOrigin() ? '' : serverUrl.url,
      deviceName: deviceName.value,
      fetch: fetchImpl,
      // From now on the Sinkron page says what comes back from the server (and what was lost
      // before). Noted as the identity is stored, in its transaction: a page closed the moment the
      // enrollment committed still has the notice when it opens again.
      onStoring: (enrolled) => noteEnrollment(browserStore(), { deviceId: enrolled.deviceId, entriesNow: enrolled.reissued }, askedAt),
    });
    setBusy(false);
    if (!result.ok) {
      setFailure(result.error);
      return;
    }
    // The phone now holds the cooperative's books: ask the browser not to evict them.
    void requestPersistence();
    setDone(result.value);
    onEnrolled?.(result.value);
  };

  if (done !== undefined) {
    return (
      <div className="notice" role="status">
        <p>{m.form.success(done.cooperative.name)}</p>
        {done.reissued > 0 ? <p>{m.form.reissued(done.reissued)}</p> : null}
      </div>
    );
  }

  return (
    <form className="form" noValidate onSubmit={(event) => void onSubmit(event)} aria-busy={busy}>
      <TextField
        label={m.form.code}
        hint={m.form.codeHint}
        value={code.value}
        onChange={code.set}
        onBlur={code.touch}
        autoComplete="one-time-code"
        maxLength={40}
        error={shown(code, codeProblem === null ? undefined : codeProblemText(codeProblem, m), false)}
      />
      <TextField
        label={m.form.server}
        hint={m.form.serverHint}
        type="url"
        inputMode="url"
        value={server.value}
        onChange={server.set}
        onBlur={server.touch}
        error={shown(server, serverUrl.ok ? undefined : serverProblemText(serverUrl.problem, m), false)}
      />
      <TextField
        label={m.form.deviceName}
        hint={m.form.deviceNameHint}
        value={deviceName.value}
        onChange={deviceName.set}
        onBlur={deviceName.touch}
        maxLength={80}
        error={shown(deviceName, nameProblem === null ? undefined : deviceNameProblemText(nameProblem, m), false)}
      />
      {failure === undefined ? null : <FormError code={failure} />}
      <div className="actions">
        <button type="submit" className="button button--primary" disabled={!valid || busy}>
          {busy ? m.form.sending : m.form.submit}
        </button>
      </div>
    </form>
  );
}
