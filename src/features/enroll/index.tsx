import { useLiveQuery } from 'dexie-react-hooks';
import { readMeta } from '../../db/meta.ts';
import { formatDateId, toJakartaDate } from '../../domain/dates.ts';
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
  return (
    <article className="page">
      <h1 className="page__title">{m.page.title}</h1>
      {identity === undefined ? null : identity.mode === 'enrolled' ? (
        <section className="card">
          <p>{m.page.enrolled(identity.cooperative.name)}</p>
          <p className="hint">{m.page.enrolledAt(formatDateId(toJakartaDate(Date.parse(identity.enrolledAt))))}</p>
        </section>
      ) : (
        <>
          <p className="notice">
            <strong>{m.page.localMode}</strong>
          </p>
          <p className="page__intro">{m.page.localIntro}</p>
          {canWrite ? <EnrollForm /> : null}
        </>
      )}
    </article>
  );
}
