import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { readMeta } from '../../db/meta.ts';
import { formatDateId, toJakartaDate } from '../../domain/dates.ts';
import type { Enrolled } from '../../sync/enroll.ts';
import { getDb } from '../session/database.ts';
import { useCanWrite } from '../session/use-session.ts';
import { EnrollForm } from './EnrollForm.tsx';
import { enrollMessages } from './messages.ts';

/**
 * "Pendaftaran HP" (/daftar): in trial mode, enroll the phone now (every entry is kept and re-issued
 * under the cooperative); once enrolled, which cooperative the phone belongs to and since when.
 */
export default function EnrollPage() {
  const m = enrollMessages.useMessages();
  const canWrite = useCanWrite();
  const identity = useLiveQuery(() => readMeta(getDb(), 'identity'), []);
  // Kept across the switch to "enrolled" below, so the treasurer reads what happened to the trial's entries.
  const [justEnrolled, setJustEnrolled] = useState<Enrolled | undefined>(undefined);
  return (
    <article className="page">
      <h1 className="page__title">{m.page.title}</h1>
      {identity === undefined ? null : identity.mode === 'enrolled' ? (
        <section className="card">
          {justEnrolled === undefined ? null : (
            <div className="notice" role="status">
              <p>{m.form.success(justEnrolled.cooperative.name)}</p>
              {justEnrolled.reissued > 0 ? <p>{m.form.reissued(justEnrolled.reissued)}</p> : null}
            </div>
          )}
          <p>{m.page.enrolled(identity.cooperative.name)}</p>
          <p className="hint">{m.page.enrolledAt(formatDateId(toJakartaDate(Date.parse(identity.enrolledAt))))}</p>
        </section>
      ) : (
        <>
          <p className="notice">
            <strong>{m.page.localMode}</strong>
          </p>
          <p className="page__intro">{m.page.localIntro}</p>
          {canWrite ? <EnrollForm onEnrolled={setJustEnrolled} /> : null}
        </>
      )}
    </article>
  );
}
