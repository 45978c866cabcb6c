import { PlannedScreen } from '../planned/PlannedScreen.tsx';
import { plannedMessages } from '../planned/messages.ts';
import { closingMessages } from './messages.ts';

export default function ClosingPage() {
  const m = closingMessages.useMessages();
  const planned = plannedMessages.useMessages();
  return <PlannedScreen title={m.title} intro={m.intro} planTitle={planned.planTitle} plan={Object.values(m.plan)} />;
}
