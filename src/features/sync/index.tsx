import { useCooperative } from '../session/cooperative.ts';
import { Link } from '../navigation/link.tsx';
import { useSyncEngine, useSyncStatus } from './engine.ts';
import { ProblemEntries } from './ProblemEntries.tsx';
import { SyncReceiptCard } from './SyncReceiptCard.tsx';
import { SyncStatusPanel } from './SyncStatusPanel.tsx';
import { BooksBehindCard, RestoreNoticeCard } from './SiteDataCards.tsx';
import { syncMessages } from './messages.ts';

/** `/sinkron`: lost or outdated books (SiteDataCards), the sync engine's status and button, refused and flagged entries, the last sync's receipt. */
export default function SyncPage() {
  const m = syncMessages.useMessages();
  const cooperative = useCooperative();
  const engine = useSyncEngine();
  const status = useSyncStatus();

  return (
    <article className="page sync-page">
      <h1 className="page__title no-print">{m.title}</h1>
      <p className="page__intro no-print">{m.intro}</p>
      <BooksBehindCard />
      {cooperative === null || cooperative === undefined ? null : <RestoreNoticeCard deviceId={cooperative.deviceId} />}
      {cooperative?.mode === 'local' ? (
        <section className="card no-print">
          <h2 className="card__title">{m.localTitle}</h2>
          <p>{m.localBody}</p>
          <Link to="/daftar">{m.enrollLink}</Link>
        </section>
      ) : null}
      {cooperative?.mode === 'enrolled' ? <SyncStatusPanel engine={engine} status={status} /> : null}
      <ProblemEntries />
      {cooperative?.mode === 'enrolled' ? <SyncReceiptCard cooperative={cooperative} /> : null}
    </article>
  );
}
