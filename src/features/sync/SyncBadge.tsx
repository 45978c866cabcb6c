import { useOnline } from '../device/online.ts';
import { defineMessages } from '../../i18n/define-messages.ts';
import { Link } from '../navigation/link.tsx';
import { useSyncStatus } from './engine.ts';
import { useRestoreNotice, useSiteDataCheck } from './site-data.ts';
import { siteDataMessages } from './site-data-messages.ts';

const badgeMessages = defineMessages({
  id: {
    online: 'Daring',
    offline: 'Luring',
    onlineHint: 'Ada sambungan internet',
    offlineHint: 'Tidak ada sinyal — pencatatan tetap jalan dan tersimpan di HP',
    pending: (n: number) => `${String(n)} belum terkirim`,
    syncing: 'sinkron…',
    revoked: 'akses dicabut',
    failed: 'sinkron gagal',
    open: 'Buka halaman Sinkron',
  },
  en: {
    online: 'Online',
    offline: 'Offline',
    onlineHint: 'Connected to the internet',
    offlineHint: 'No signal — recording still works and is saved on the phone',
    pending: (n: number) => `${String(n)} not sent`,
    syncing: 'syncing…',
    revoked: 'access revoked',
    failed: 'sync failed',
    open: 'Open the Sync page',
  },
});

/**
 * The top bar's sync slot: whether the phone has a network and, on an enrolled phone, what the sync
 * engine is doing — syncing, entries waiting to be sent, or a problem. Tapping it opens Sinkron.
 */
export function SyncBadge() {
  const m = badgeMessages.useMessages();
  const online = useOnline();
  const status = useSyncStatus();
  const books = useBooksProblem();

  let detail: string | null = null;
  let problem = false;
  if (status !== null) {
    if (status.phase === 'syncing') detail = m.syncing;
    else if (status.phase === 'revoked') {
      detail = m.revoked;
      problem = true;
    } else if (status.phase === 'error') {
      detail = m.failed;
      problem = true;
    } else if (status.pendingCount > 0) detail = m.pending(status.pendingCount);
  }
  // Lost or outdated books outrank the sync state: the Sinkron page says what to do.
  if (books !== null) {
    detail = books;
    problem = true;
  }

  const badge = (
    <span
      className={`badge ${online ? 'badge--online' : 'badge--offline'}${problem ? ' badge--problem' : ''}`}
      role="status"
      title={online ? m.onlineHint : m.offlineHint}
      data-testid="online-badge"
    >
      <span className="badge__dot" aria-hidden="true" />
      {online ? m.online : m.offline}
      {detail !== null ? <span data-testid="sync-badge-detail"> · {detail}</span> : null}
      <span className="visually-hidden">: {online ? m.onlineHint : m.offlineHint}</span>
    </span>
  );
  if (status === null && books === null) return badge;
  return (
    <Link to="/sinkron" className="badge-link" title={m.open}>
      {badge}
    </Link>
  );
}

/** The badge's word when the books were lost (a restore notice that names them) or are behind. */
function useBooksProblem(): string | null {
  const m = siteDataMessages.useMessages();
  const check = useSiteDataCheck();
  const notice = useRestoreNotice(check?.kind === 'ok' ? check.summary.deviceId : undefined);
  if (check?.kind === 'behind' || (notice !== undefined && notice.lost !== null)) return m.badge;
  return null;
}
