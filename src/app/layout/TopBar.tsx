import { SyncBadge } from '../../features/sync/SyncBadge.tsx';
import { Link } from '../../features/navigation/link.tsx';
import { useT } from '../../i18n/use-t.ts';

type Props = {
  /** The enrolled cooperative's name; undefined before enrollment. */
  readonly cooperativeName: string | undefined;
};

export function TopBar({ cooperativeName }: Props) {
  const m = useT();
  return (
    <header className="top-bar">
      <Link to="/" className="top-bar__home">
        <img className="top-bar__logo" src="/favicon.svg" alt="" width="32" height="32" />
        <span className="top-bar__names">
          <span className="top-bar__app">{m.app.name}</span>
          <span className="top-bar__cooperative">{cooperativeName ?? m.app.tagline}</span>
        </span>
      </Link>
      <div className="top-bar__slot">
        <SyncBadge />
      </div>
    </header>
  );
}
