import { Link } from '../../features/navigation/link.tsx';
import { useT } from '../../i18n/use-t.ts';

export function NotFoundPage({ path }: { readonly path: string }) {
  const m = useT();
  return (
    <article className="page">
      <h1 className="page__title">{m.notFound.title}</h1>
      <p>{m.notFound.body(path)}</p>
      <p>
        <Link to="/" className="button button--primary">
          {m.notFound.home}
        </Link>
      </p>
    </article>
  );
}
