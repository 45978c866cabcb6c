import { useState } from 'react';
import { ConfirmDialog } from '../forms/ConfirmDialog.tsx';
import { getDb } from '../session/database.ts';
import { lockSession, roleCanManageUsers } from '../session/session-store.ts';
import { useCurrentUser } from '../session/use-session.ts';
import { AddUserForm } from './AddUserForm.tsx';
import { AUTO_LOCK_CHOICES, setAutoLockMinutes, useAutoLockMinutes } from './auto-lock-preference.ts';
import { ChangePinForm } from './ChangePinForm.tsx';
import { useLockUsers, type LockUser } from './lock-users.ts';
import { usersMessages } from './messages.ts';
import { removeUser } from './remove-user.ts';

/** "Pengguna HP ini" (/pengguna): who may open the app, their PINs, and the auto-lock delay. */
export default function UsersPage() {
  const m = usersMessages.useMessages();
  const me = useCurrentUser();
  const users = useLockUsers() ?? [];
  const canManage = roleCanManageUsers(me.role);
  const minutes = useAutoLockMinutes();
  const [removing, setRemoving] = useState<LockUser | undefined>(undefined);
  const [notice, setNotice] = useState<{ kind: 'ok' | 'error'; text: string } | undefined>(undefined);

  const confirmRemove = async () => {
    if (removing === undefined) return;
    const target = removing;
    setRemoving(undefined);
    const result = await removeUser(getDb(), target.id, me.id);
    if (result.ok) setNotice({ kind: 'ok', text: m.page.removed(target.name) });
    else setNotice({ kind: 'error', text: result.error === 'last-treasurer' ? m.page.lastTreasurer : m.errors.userUnknown });
  };

  return (
    <article className="page">
      <h1 className="page__title">{m.page.title}</h1>
      <p className="page__intro">{m.page.intro}</p>
      <div className="actions">
        <button type="button" className="button" onClick={lockSession}>
          {m.page.lockNow}
        </button>
      </div>

      <section aria-labelledby="users-list-title">
        <h2 id="users-list-title" className="section-title">
          {m.page.listTitle}
        </h2>
        <ul className="plain-list users-list">
          {users.map((user) => (
            <li key={user.id} className="users-list__item">
              <span>
                <strong>{user.name}</strong> · {m.role(user.role)}
                {user.id === me.id ? <span className="hint"> ({m.page.you})</span> : null}
              </span>
              {canManage && user.id !== me.id ? (
                <button type="button" className="button" onClick={() => setRemoving(user)}>
                  {m.page.remove(user.name)}
                </button>
              ) : null}
            </li>
          ))}
        </ul>
        {notice === undefined ? null : (
          <p className={notice.kind === 'ok' ? 'notice' : 'form-error'} role={notice.kind === 'ok' ? 'status' : 'alert'}>
            {notice.text}
          </p>
        )}
      </section>

      <section aria-labelledby="users-add-title">
        <h2 id="users-add-title" className="section-title">
          {m.page.addTitle}
        </h2>
        {canManage ? <AddUserForm /> : <p className="hint">{m.page.onlyTreasurer}</p>}
      </section>

      <section aria-labelledby="users-pin-title">
        <h2 id="users-pin-title" className="section-title">
          {m.page.changePinTitle}
        </h2>
        <ChangePinForm userId={me.id} />
      </section>

      <section aria-labelledby="users-autolock-title">
        <h2 id="users-autolock-title" className="section-title">
          {m.page.autoLockTitle}
        </h2>
        <div className="field">
          <label className="field__label" htmlFor="auto-lock-minutes">
            {m.page.autoLockLabel}
          </label>
          <select
            id="auto-lock-minutes"
            className="field__input"
            value={minutes}
            onChange={(event) => setAutoLockMinutes(Number(event.target.value))}
          >
            {AUTO_LOCK_CHOICES.map((choice) => (
              <option key={choice} value={choice}>
                {m.page.minutes(choice)}
              </option>
            ))}
          </select>
        </div>
      </section>

      <ConfirmDialog
        open={removing !== undefined}
        title={removing === undefined ? '' : m.page.removeTitle(removing.name)}
        confirmLabel={m.page.removeConfirm}
        onConfirm={() => void confirmRemove()}
        onCancel={() => setRemoving(undefined)}
      >
        <p>{m.page.removeBody}</p>
      </ConfirmDialog>
    </article>
  );
}
