import { useLiveQuery } from 'dexie-react-hooks';
import { memberById } from '../../db/queries.ts';
import type { LoanRow, MemberRow } from '../../domain/ledger/index.ts';
import { usePathname } from '../navigation/location.ts';
import { getDb } from '../session/index.ts';
import { DisburseForm } from './DisburseForm.tsx';
import { LoanDetail } from './LoanDetail.tsx';
import { LoanList } from './LoanList.tsx';
import { loanById } from './loan-queries.ts';
import { loansMessages } from './messages.ts';
import { RepayForm } from './RepayForm.tsx';
import { Simulator } from './Simulator.tsx';

/** What the path under /pinjaman names. */
export type LoansRoute =
  | { page: 'list' }
  | { page: 'simulate' }
  | { page: 'disburse' }
  | { page: 'detail' | 'repay'; loanId: string }
  | { page: 'unknown' };

export function parseLoansPath(pathname: string): LoansRoute {
  const parts = pathname.replace(/\/+$/, '').split('/').filter((p) => p !== '');
  if (parts[0] !== 'pinjaman') return { page: 'unknown' };
  const [, id, action] = parts;
  if (id === undefined) return { page: 'list' };
  if (id === 'simulasi' && action === undefined) return { page: 'simulate' };
  if (id === 'baru' && action === undefined) return { page: 'disburse' };
  if (action === undefined) return { page: 'detail', loanId: decodeURIComponent(id) };
  if (action === 'bayar') return { page: 'repay', loanId: decodeURIComponent(id) };
  return { page: 'unknown' };
}

export default function LoansPage() {
  const route = parseLoansPath(usePathname());
  switch (route.page) {
    case 'list':
      return <LoanList />;
    case 'simulate':
      return <Simulator />;
    case 'disburse':
      return <DisburseForm />;
    case 'detail':
    case 'repay':
      return <OneLoan key={`${route.page}-${route.loanId}`} page={route.page} loanId={route.loanId} />;
    case 'unknown':
      return <NotFound />;
  }
}

function settleRequested(): boolean {
  return typeof window !== 'undefined' && new URLSearchParams(window.location.search).get('lunas') === '1';
}

function OneLoan({ page, loanId }: { readonly page: 'detail' | 'repay'; readonly loanId: string }) {
  // `null` = looked and not found; `undefined` = still loading.
  const found = useLiveQuery(async (): Promise<{ loan: LoanRow; member: MemberRow | null } | null> => {
    const db = getDb();
    const loan = await loanById(db, loanId);
    if (loan === undefined) return null;
    const member = loan.memberId === null ? null : ((await memberById(db, loan.memberId)) ?? null);
    return { loan, member };
  }, [loanId]);
  if (found === undefined) return null;
  if (found === null) return <NotFound />;
  return page === 'detail' ? (
    <LoanDetail loan={found.loan} member={found.member} />
  ) : (
    <RepayForm loan={found.loan} member={found.member} settle={settleRequested()} />
  );
}

function NotFound() {
  const m = loansMessages.useMessages();
  return (
    <article className="page">
      <h1 className="page__title">{m.title}</h1>
      <p className="notice">{m.notFound}</p>
    </article>
  );
}
