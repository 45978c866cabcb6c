import { PlannedScreen } from '../planned/PlannedScreen.tsx';
import { plannedMessages } from '../planned/messages.ts';
import { loansMessages } from './messages.ts';

export default function LoansPage() {
  const m = loansMessages.useMessages();
  const planned = plannedMessages.useMessages();
  return <PlannedScreen title={m.title} intro={m.intro} planTitle={planned.planTitle} plan={Object.values(m.plan)} />;
}
