import { useOnline } from '../device/online.ts';
import { defineMessages } from '../../i18n/define-messages.ts';

const badgeMessages = defineMessages({
  id: {
    online: 'Daring',
    offline: 'Luring',
    onlineHint: 'Ada sambungan internet',
    offlineHint: 'Tidak ada sinyal — pencatatan tetap jalan dan tersimpan di HP',
  },
  en: {
    online: 'Online',
    offline: 'Offline',
    onlineHint: 'Connected to the internet',
    offlineHint: 'No signal — recording still works and is saved on the phone',
  },
});

/**
 * The top bar's sync slot. For now it shows whether the phone has a network; the sync engine's
 * screen (this feature) will add pending entries and the last sync here.
 */
export function SyncBadge() {
  const m = badgeMessages.useMessages();
  const online = useOnline();
  return (
    <span
      className={online ? 'badge badge--online' : 'badge badge--offline'}
      role="status"
      title={online ? m.onlineHint : m.offlineHint}
      data-testid="online-badge"
    >
      <span className="badge__dot" aria-hidden="true" />
      {online ? m.online : m.offline}
      <span className="visually-hidden">: {online ? m.onlineHint : m.offlineHint}</span>
    </span>
  );
}
