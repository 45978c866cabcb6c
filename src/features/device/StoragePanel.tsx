import { useState } from 'react';
import { formatBytes } from '../../i18n/format.ts';
import { useLanguage } from '../../i18n/use-t.ts';
import { deviceMessages } from './messages.ts';
import { requestPersistence, useStorageState, type PersistenceResult } from './storage.ts';

/** Storage usage, quota and persistence, with the "Lindungi data" button. Used in Pengaturan and Tentang. */
export function StoragePanel() {
  const m = deviceMessages.useMessages();
  const language = useLanguage();
  const { state } = useStorageState();
  const [request, setRequest] = useState<'idle' | 'pending' | PersistenceResult>('idle');

  const protect = () => {
    setRequest('pending');
    requestPersistence().then(setRequest, () => setRequest('denied'));
  };
  const bytes = (value: number | undefined) => (value === undefined ? m.unknown : formatBytes(value, language));

  return (
    <section className="card" aria-labelledby="storage-heading">
      <h2 id="storage-heading" className="card__title">
        {m.storageTitle}
      </h2>
      {state === undefined && <p>{m.loading}</p>}
      {state?.kind === 'unsupported' && <p>{m.unsupported}</p>}
      {state?.kind === 'known' && (
        <>
          <dl className="facts">
            <div>
              <dt>{m.used}</dt>
              <dd data-testid="storage-usage">{m.usageOf(bytes(state.usage), bytes(state.quota))}</dd>
            </div>
            <div>
              <dt>{m.protection}</dt>
              <dd data-testid="storage-persisted">{state.persisted ? m.protectedYes : m.protectedNo}</dd>
            </div>
          </dl>
          <p>{state.persisted ? m.persisted : m.notPersisted}</p>
          {!state.persisted && (
            <button type="button" className="button button--primary" onClick={protect} disabled={request === 'pending'}>
              {request === 'pending' ? m.protecting : m.protect}
            </button>
          )}
          {request === 'denied' && !state.persisted && (
            <p className="notice" role="status">
              {m.denied}
            </p>
          )}
        </>
      )}
    </section>
  );
}
