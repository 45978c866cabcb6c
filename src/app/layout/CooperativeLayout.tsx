import { useCooperative } from '../../features/session/cooperative.ts';
import { RouteView } from '../router.tsx';
import { TreasurerLayout } from './TreasurerLayout.tsx';

/**
 * The treasurer's frame inside the session gate: the top bar may name the cooperative. A lazy chunk
 * of its own (App.tsx): reading the cooperative validates the identity (zod), which the lock and
 * welcome screens do not need.
 */
export function CooperativeLayout({ cooperativeName }: { readonly cooperativeName: string | undefined }) {
  const cooperative = useCooperative();
  return (
    <TreasurerLayout cooperativeName={cooperativeName ?? cooperative?.name ?? undefined}>
      <RouteView />
    </TreasurerLayout>
  );
}
