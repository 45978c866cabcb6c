import { useState } from 'react';
import { describeError } from '../../i18n/errors.ts';
import { useLanguage } from '../../i18n/use-t.ts';
import type { SyncStatus } from '../../sync/sync-status.ts';
import type { SyncEngine } from '../../sync/triggers.ts';
import { Link } from '../navigation/link.tsx';
import { formatInstantWib } from './instant-text.ts';
import { syncMessages } from './messages.ts';

type Props = { readonly engine: SyncEngine | null; readonly status: SyncStatus | null };

/** Where sync stands, what is waiting, what went wrong, and the big "Sinkronkan sekarang" button. */
export function SyncStatusPanel({ engine, status }: Props) {
  const m = syncMessages.useMessages();
  const language = useLanguage();
  const [asked, setAsked] = useState(false);

  if (engine === null || status === null) {
    return (
      <section className="card no-print">
        <p role="status">{m.starting}</p>
      </section>
    );
  }

  const syncing = status.phase === 'syncing' || asked;
  const syncNow = () => {
    setAsked(true);
    void engine.syncNow().finally(() => setAsked(false));
  };

  return (
    <section className="card sync-status no-print" aria-labelledby="sync-status-heading">
      <h2 id="sync-status-heading" className="card__title">
        {m.statusTitle}: <span data-testid="sync-phase">{m.phase[status.phase]}</span>
      </h2>
      {status.phase === 'revoked' ? (
        <div className="sync-revoked" role="alert">
          <p className="sync-revoked__title">{m.revokedTitle}</p>
          <p>{m.revokedBody}</p>
          <Link to="/pengaturan">{m.backupLink}</Link>
        </div>
      ) : null}
      {status.progress !== null ? (
        <p role="status" data-testid="sync-progress">
          {status.progress.step === 'push'
            ? m.progressPush(status.progress.pushed, status.progress.total)
            : m.progressPull(status.progress.pulled)}
        </p>
      ) : null}
      <dl className="facts">
        <div>
          <dt>{m.pending(status.pendingCount)}</dt>
          <dd data-testid="sync-pending">
            {status.oldestPendingAt === null ? m.receipt.none : m.oldest(formatInstantWib(status.oldestPendingAt))}
          </dd>
        </div>
        <div>
          <dt>{m.lastSuccess}</dt>
          <dd data-testid="sync-last-success">
            {status.lastSuccessAt === null ? m.never : formatInstantWib(status.lastSuccessAt)}
          </dd>
        </div>
        {status.nextAttemptAt !== null && status.phase !== 'syncing' ? (
          <div>
            <dt>{m.nextAttempt}</dt>
            <dd>{formatInstantWib(new Date(status.nextAttemptAt).toISOString())}</dd>
          </div>
        ) : null}
        {status.rejectedCount > 0 ? (
          <div>
            <dt>{m.rejectedCount(status.rejectedCount)}</dt>
            <dd>
              <a href="#sync-rejected-heading">{m.rejectedTitle}</a>
            </dd>
          </div>
        ) : null}
      </dl>
      {status.lastError !== null && status.phase !== 'revoked' ? (
        <div className="form-error" role="alert" data-testid="sync-error">
          <p>{describeError(status.lastError, language)}</p>
          {status.lastErrorDetail !== null ? <p className="hint">{m.errorDetail(status.lastErrorDetail)}</p> : null}
        </div>
      ) : null}
      <button
        type="button"
        className="button button--primary button--wide"
        disabled={syncing || status.phase === 'revoked'}
        onClick={syncNow}
      >
        {syncing ? m.syncing : m.syncNow}
      </button>
    </section>
  );
}
