import { PlannedScreen } from '../planned/PlannedScreen.tsx';
import { plannedMessages } from '../planned/messages.ts';
import { savingsMessages } from './messages.ts';

export default function SavingsPage() {
  const m = savingsMessages.useMessages();
  const planned = plannedMessages.useMessages();
  return <PlannedScreen title={m.title} intro={m.intro} planTitle={planned.planTitle} plan={Object.values(m.plan)} />;
}
