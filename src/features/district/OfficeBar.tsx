import { useState } from 'react';
import { setLanguage, useLanguageStore } from '../../i18n/language-store.ts';
import { Link } from '../navigation/link.tsx';
import { useAdminSession } from './admin-session.ts';
import { useAdminClient } from './client-context.ts';
import { districtMessages } from './messages.ts';

/** The office pages' own bar: back to the table, who is signed in, language, logout. */
export function OfficeBar({ username }: { readonly username: string }) {
  const m = districtMessages.useMessages();
  const language = useLanguageStore((state) => state.language);
  const client = useAdminClient();
  const { signOut } = useAdminSession();
  const [busy, setBusy] = useState(false);

  const logout = async () => {
    setBusy(true);
    // Whatever the server answers, this page forgets the session; a failed logout leaves a cookie
    // that expires on its own within 12 hours.
    await client.logout();
    signOut('logged-out');
  };

  return (
    <div className="office-bar">
      <nav aria-label={m.title} className="office-bar__nav">
        <span className="office-bar__brand">Lumbung · {m.title}</span>
        <Link to="/dinas" className="office-bar__link">
          {m.bar.home}
        </Link>
      </nav>
      <div className="office-bar__user">
        <span>{m.bar.signedInAs(username)}</span>
        <button
          type="button"
          className="button"
          lang={language === 'id' ? 'en' : 'id'}
          onClick={() => void setLanguage(language === 'id' ? 'en' : 'id')}
        >
          {m.bar.otherLanguage}
        </button>
        <button type="button" className="button" disabled={busy} onClick={() => void logout()}>
          {m.bar.logout}
        </button>
      </div>
    </div>
  );
}
