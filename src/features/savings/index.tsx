import { Link } from '../navigation/link.tsx';
import { usePathname } from '../navigation/location.ts';
import { savingsMessages } from './messages.ts';
import { SavingsForm } from './SavingsForm.tsx';
import { WajibCollection } from './WajibCollection.tsx';

/** /simpanan: deposit or withdraw for one member; /simpanan/wajib: the month's wajib for many. */
export default function SavingsPage() {
  const m = savingsMessages.useMessages();
  const path = usePathname().replace(/\/+$/, '');
  if (path === '/simpanan/wajib') return <WajibCollection />;
  return (
    <article className="page">
      <h1 className="page__title">{m.title}</h1>
      <p className="actions">
        <Link to="/simpanan/wajib" className="button">
          {m.collectLink}
        </Link>
      </p>
      <SavingsForm />
    </article>
  );
}
