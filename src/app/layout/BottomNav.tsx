import { Link } from '../../features/navigation/link.tsx';
import { useT } from '../../i18n/use-t.ts';
import { NavIcon } from './icons.tsx';

/** The screens listed on "Lainnya": its tab stays current on them, so the treasurer knows where they are. */
const MORE_SECTION = ['/kas', '/koreksi', '/entri', '/laporan', '/tutup-buku', '/sinkron', '/pengaturan', '/tentang'] as const;

export function BottomNav() {
  const m = useT();
  return (
    <nav className="bottom-nav" aria-label={m.nav.label}>
      <ul className="bottom-nav__list">
        <li>
          <Link to="/" className="bottom-nav__item">
            <NavIcon name="home" />
            <span>{m.nav.home}</span>
          </Link>
        </li>
        <li>
          <Link to="/anggota" match="section" className="bottom-nav__item">
            <NavIcon name="members" />
            <span>{m.nav.members}</span>
          </Link>
        </li>
        <li>
          <Link to="/simpanan" match="section" className="bottom-nav__item">
            <NavIcon name="savings" />
            <span>{m.nav.savings}</span>
          </Link>
        </li>
        <li>
          <Link to="/pinjaman" match="section" className="bottom-nav__item">
            <NavIcon name="loans" />
            <span>{m.nav.loans}</span>
          </Link>
        </li>
        <li>
          <Link to="/lainnya" match="section" alsoCurrentOn={MORE_SECTION} className="bottom-nav__item">
            <NavIcon name="more" />
            <span>{m.nav.more}</span>
          </Link>
        </li>
      </ul>
    </nav>
  );
}
