import type { ReactNode } from 'react';
import { Link } from '../navigation/link.tsx';

type Props = { readonly back: { readonly to: string; readonly label: string }; readonly children: ReactNode };

/** A loan screen's way back (to the list, or to the loan) above its title. */
export function LoanPageTitle({ back, children }: Props) {
  return (
    <>
      <p>
        <Link to={back.to}>{back.label}</Link>
      </p>
      <h1 className="page__title">{children}</h1>
    </>
  );
}
