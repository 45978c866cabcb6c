import { useLiveQuery } from 'dexie-react-hooks';
import { countDeviceEntries } from '../../db/site-data-summary.ts';
import type { RestoreNotice } from '../../db/site-data-marker.ts';
import { formatDateId, toJakartaDate } from '../../domain/dates.ts';
import { readSyncMeta } from '../../sync/sync-meta.ts';
import { getDb } from '../session/database.ts';
import { dismissNotice, useRestoreNotice, useSiteDataCheck } from './site-data.ts';
import { siteDataMessages } from './site-data-messages.ts';

type Counts = {
  /** Entries of other devices in the books: what the server sent back. */
  readonly pulled: number;
  /** Of those, entries of the lost phone's device. */
  readonly lostBack: number;
  /** A sync run finished since the enrollment. */
  readonly synced: boolean;
};

async function readCounts(deviceId: string, notice: RestoreNotice): Promise<Counts> {
  const db = getDb();
  const [total, own, lostBack, receipt] = await Promise.all([
    db.entries.count(),
    countDeviceEntries(db, deviceId),
    notice.lost === null ? Promise.resolve(0) : countDeviceEntries(db, notice.lost.deviceId),
    readSyncMeta(db, 'sync.receipt'),
  ]);
  return { pulled: total - own, lostBack, synced: receipt !== undefined && receipt.finishedAt >= notice.since };
}

/**
 * After the phone was set up again: how many of the cooperative's entries came back from the
 * server, how many of the lost phone's own are among them, and — plainly — that entries never sent
 * cannot come back from the server (only from a backup file, through the district office).
 */
export function RestoreNoticeCard({ deviceId }: { readonly deviceId: string }) {
  const m = siteDataMessages.useMessages();
  const notice = useRestoreNotice(deviceId);
  const counts = useLiveQuery(
    () => (notice === undefined ? Promise.resolve(undefined) : readCounts(deviceId, notice)),
    [deviceId, notice],
  );
  if (notice === undefined || counts === undefined) return null;
  const { lost } = notice;
  // Unsent when the books were lost, as the note said; once the server has answered, exactly those
  // of the lost phone's own entries that did not come back (an entry may have left just in time).
  const missing = lost === null || lost.mode === 'local' ? 0 : counts.synced ? Math.max(0, lost.ownSeq - counts.lostBack) : lost.pending;
  // A phone that joined a cooperative with nothing on the server has nothing to report.
  if (lost === null && counts.synced && counts.pulled === 0) return null;
  return (
    <section className="card notice no-print" aria-labelledby="restore-notice-heading" data-testid="restore-notice">
      <h2 id="restore-notice-heading" className="card__title">
        {m.restoreTitle}
      </h2>
      {lost === null ? null : (
        <p>{m.lostIntro(formatDateId(toJakartaDate(Date.parse(lost.at))), lost.cooperativeName ?? '—', lost.entries)}</p>
      )}
      {counts.synced ? <p>{m.pulled(counts.pulled)}</p> : <p role="status">{m.waiting}</p>}
      {lost !== null && lost.mode === 'enrolled' && counts.synced ? <p>{m.ownBack(counts.lostBack, lost.ownSeq)}</p> : null}
      {lost === null ? <p>{m.unknownPending}</p> : lost.mode === 'local' ? <p>{m.trialLost}</p> : null}
      {missing > 0 ? (
        <p className="form-error" role="alert">
          {m.lostPending(missing)}
        </p>
      ) : null}
      <div className="actions">
        <button type="button" className="button" onClick={dismissNotice}>
          {m.dismiss}
        </button>
      </div>
    </section>
  );
}

/**
 * The phone's own chain is shorter than it once was — by the note kept outside IndexedDB, or by the
 * server's copy of it (sync.behind, src/sync/chain-guard.ts): new entries would reuse seq numbers.
 */
export function BooksBehindCard() {
  const m = siteDataMessages.useMessages();
  const check = useSiteDataCheck();
  const server = useLiveQuery(() => readSyncMeta(getDb(), 'sync.behind'), []);
  let body: string | null = null;
  if (server !== undefined) body = server.forked ? m.forkedBody(server.serverSeq) : m.behindBody(server.localSeq, server.serverSeq);
  else if (check?.kind === 'behind') body = m.behindBody(check.summary.ownSeq, check.marker.ownSeq);
  if (body === null) return null;
  return (
    <section className="card no-print" aria-labelledby="books-behind-heading" data-testid="books-behind">
      <h2 id="books-behind-heading" className="card__title">
        {m.behindTitle}
      </h2>
      <p className="form-error" role="alert">
        {body}
      </p>
    </section>
  );
}
