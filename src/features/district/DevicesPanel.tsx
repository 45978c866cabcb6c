import { useState } from 'react';
import { ConfirmDialog } from '../forms/ConfirmDialog.tsx';
import { useLanguageStore } from '../../i18n/language-store.ts';
import type { AdminFailure } from './admin-client.ts';
import type { DeviceView } from './api-schemas.ts';
import { useAdminSession } from './admin-session.ts';
import { useAdminClient } from './client-context.ts';
import { failureText } from './error-text.ts';
import { districtMessages } from './messages.ts';
import { formatAge, formatInstant } from './time-text.ts';

type Props = {
  readonly devices: readonly DeviceView[];
  readonly nowMs: number;
  readonly onRevoked: (device: DeviceView) => void;
};

/**
 * The cooperative's phones. Revoking asks first (the phone can no longer sync; its entries stay on
 * it and can still come in through a backup import) and happens only on "Ya, cabut akses".
 */
export function DevicesPanel({ devices, nowMs, onRevoked }: Props) {
  const m = districtMessages.useMessages();
  const language = useLanguageStore((state) => state.language);
  const client = useAdminClient();
  const { signOut } = useAdminSession();
  const [asking, setAsking] = useState<DeviceView | null>(null);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<AdminFailure | null>(null);
  const [done, setDone] = useState<string | null>(null);

  const revoke = async (device: DeviceView) => {
    setBusy(true);
    setFailure(null);
    const result = await client.revokeDevice(device.id);
    setBusy(false);
    setAsking(null);
    if (result.ok) {
      setDone(m.devices.done(device.name));
      onRevoked(result.value);
    } else if (result.error.code === 'admin-unauthorized') signOut('expired');
    else setFailure(result.error);
  };

  const c = m.devices.columns;
  return (
    <section className="card district-section" aria-labelledby="devices-title">
      <h2 id="devices-title" className="card__title">
        {m.devices.title}
      </h2>
      {devices.length === 0 ? (
        <p className="hint">{m.devices.empty}</p>
      ) : (
        <div className="table-scroll">
          <table className="data-table district-table">
            <thead>
              <tr>
                <th scope="col">{c.name}</th>
                <th scope="col" className="district-text">{c.enrolled}</th>
                <th scope="col" className="district-text">{c.lastSeen}</th>
                <th scope="col" className="district-text">{c.status}</th>
                <th scope="col" className="district-text">{c.action}</th>
              </tr>
            </thead>
            <tbody>
              {devices.map((device) => (
                <tr key={device.id} data-testid="device-row">
                  <th scope="row">{device.name}</th>
                  <td className="district-text">{formatInstant(device.enrolledAt, language)}</td>
                  <td className="district-text">
                    {device.lastSeenAt === null ? (
                      m.devices.never
                    ) : (
                      <>
                        {formatAge(device.lastSeenAt, nowMs, language)}
                        <br />
                        <small>{formatInstant(device.lastSeenAt, language)}</small>
                      </>
                    )}
                  </td>
                  <td className="district-text">
                    {device.revokedAt === null ? (
                      <span className="status-tag">{m.devices.active}</span>
                    ) : (
                      <span className="status-tag status-tag--left">{m.devices.revokedOn(formatInstant(device.revokedAt, language))}</span>
                    )}
                  </td>
                  <td className="district-text">
                    {device.status === 'active' ? (
                      <button type="button" className="button" aria-label={m.devices.revokeLabel(device.name)} onClick={() => setAsking(device)}>
                        {m.devices.revoke}
                      </button>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {done === null ? null : (
        <p className="notice" role="status">
          {done}
        </p>
      )}
      {failure === null ? null : (
        <p className="form-error" role="alert">
          {failureText(failure, m)}
        </p>
      )}
      <ConfirmDialog
        open={asking !== null}
        title={asking === null ? '' : m.devices.confirmTitle(asking.name)}
        confirmLabel={m.devices.confirmYes}
        busy={busy}
        onCancel={() => setAsking(null)}
        onConfirm={() => {
          if (asking !== null) void revoke(asking);
        }}
      >
        <p>{m.devices.confirmBody}</p>
      </ConfirmDialog>
    </section>
  );
}
