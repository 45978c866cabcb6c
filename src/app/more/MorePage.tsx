import { Link } from '../../features/navigation/link.tsx';
import { correctionsMessages } from '../../features/corrections/messages.ts';
import { usersMessages } from '../../features/users/messages.ts';
import { useT } from '../../i18n/use-t.ts';

/** "Lainnya": the screens that do not fit in the five-item bottom navigation. */
export function MorePage() {
  const m = useT();
  const users = usersMessages.useMessages();
  const corrections = correctionsMessages.useMessages();
  const items = [
    { to: '/kas', label: m.nav.cash, hint: m.more.cash },
    { to: '/koreksi', label: corrections.title, hint: corrections.menuHint },
    { to: '/laporan', label: m.nav.reports, hint: m.more.reports },
    { to: '/tutup-buku', label: m.nav.closing, hint: m.more.closing },
    { to: '/sinkron', label: m.nav.sync, hint: m.more.sync },
    { to: '/pengaturan', label: m.nav.settings, hint: m.more.settings },
    { to: '/pengguna', label: users.page.menuLabel, hint: users.page.menuHint },
    { to: '/tentang', label: m.nav.about, hint: m.more.about },
  ] as const;
  return (
    <article className="page">
      <h1 className="page__title">{m.more.title}</h1>
      <p className="page__intro">{m.more.intro}</p>
      <ul className="menu-list">
        {items.map((item) => (
          <li key={item.to}>
            <Link to={item.to} className="menu-list__item">
              <span className="menu-list__label">{item.label}</span>
              <span className="menu-list__hint">{item.hint}</span>
            </Link>
          </li>
        ))}
      </ul>
    </article>
  );
}
