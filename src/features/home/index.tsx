import { todayInJakarta } from '../../domain/dates.ts';
import { formatDateLong } from '../../i18n/format.ts';
import { useLanguage } from '../../i18n/use-t.ts';
import { useOnline } from '../device/online.ts';
import { Link } from '../navigation/link.tsx';
import { homeMessages } from './messages.ts';

/** Beranda: today's date in the cooperative's calendar and the treasurer's most common tasks. */
export default function HomePage() {
  const m = homeMessages.useMessages();
  const language = useLanguage();
  const online = useOnline();
  const shortcuts = [
    { to: '/simpanan', label: m.savings },
    { to: '/pinjaman', label: m.loans },
    { to: '/anggota', label: m.members },
    { to: '/kas', label: m.cash },
    { to: '/laporan', label: m.reports },
  ] as const;
  return (
    <article className="page">
      <h1 className="page__title">{m.title}</h1>
      <p className="page__intro">{m.today(formatDateLong(todayInJakarta(), language))}</p>
      {!online && (
        <p className="notice" role="status">
          {m.offline}
        </p>
      )}
      <section aria-labelledby="shortcuts-heading">
        <h2 id="shortcuts-heading" className="section-title">
          {m.shortcutsTitle}
        </h2>
        <ul className="tile-list">
          {shortcuts.map((shortcut) => (
            <li key={shortcut.to}>
              <Link to={shortcut.to} className="tile">
                {shortcut.label}
              </Link>
            </li>
          ))}
        </ul>
      </section>
    </article>
  );
}
