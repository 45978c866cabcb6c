import { useState } from 'react';
import { DemoStartChoice } from '../demo/DemoStartChoice.tsx';
import { FormError } from '../forms/FormError.tsx';
import { loadDb } from '../session/lazy-db.ts';
import { LanguagePicker } from '../settings/LanguagePicker.tsx';
import { EnrollForm } from './EnrollForm.tsx';
import { LostBooksAlert } from './LostBooksAlert.tsx';
import { enrollMessages } from './messages.ts';

type Step = 'choose' | 'enroll';

/**
 * The first screen on a new phone: enroll with the district office's code, or try the app first in
 * local-only mode. Either way the next step is creating the first user (SessionGate follows the
 * identity stored in the local database, so this screen needs no callback). If the phone had books
 * and lost them (the note kept outside IndexedDB says so), it says that first.
 */
export function WelcomeScreen() {
  const m = enrollMessages.useMessages();
  const [step, setStep] = useState<Step>('choose');
  const [starting, setStarting] = useState(false);
  const [failed, setFailed] = useState(false);

  const tryLocally = async () => {
    setStarting(true);
    setFailed(false);
    try {
      // Loaded on the tap: enrollment's re-issue code (ledger, signing) is not needed to show this screen.
      const [{ startLocalMode }, db] = await Promise.all([import('../../db/enrollment.ts'), loadDb()]);
      await startLocalMode(db);
    } catch {
      // A blocked or full IndexedDB: say so; nothing was half-written (startLocalMode is one transaction).
      setFailed(true);
    } finally {
      setStarting(false);
    }
  };

  if (step === 'enroll') {
    return (
      <article className="page session-page">
        <h1 className="page__title">{m.form.title}</h1>
        <p className="page__intro">{m.form.intro}</p>
        <EnrollForm />
        <div className="actions">
          <button type="button" className="button" onClick={() => setStep('choose')}>
            {m.welcome.back}
          </button>
        </div>
      </article>
    );
  }

  return (
    <article className="page session-page">
      <h1 className="page__title">{m.welcome.title}</h1>
      <p className="page__intro">{m.welcome.intro}</p>
      <LostBooksAlert />
      <ul className="welcome-choices">
        <li>
          <button type="button" className="welcome-choice welcome-choice--primary" onClick={() => setStep('enroll')}>
            <span className="welcome-choice__title">{m.welcome.enrollTitle}</span>
            <span className="welcome-choice__hint">{m.welcome.enrollHint}</span>
          </button>
        </li>
        <li>
          <button type="button" className="welcome-choice" disabled={starting} onClick={() => void tryLocally()}>
            <span className="welcome-choice__title">{starting ? m.welcome.starting : m.welcome.tryTitle}</span>
            <span className="welcome-choice__hint">{m.welcome.tryHint}</span>
          </button>
        </li>
        <li>
          <DemoStartChoice className="welcome-choice" />
        </li>
      </ul>
      {failed ? <FormError message={m.errors.startFailed} /> : null}
      <LanguagePicker legend={m.welcome.languageLegend} hint={m.welcome.languageHint} />
    </article>
  );
}
