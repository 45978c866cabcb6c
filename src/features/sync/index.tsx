import { PlannedScreen } from '../planned/PlannedScreen.tsx';
import { plannedMessages } from '../planned/messages.ts';
import { syncMessages } from './messages.ts';

export default function SyncPage() {
  const m = syncMessages.useMessages();
  const planned = plannedMessages.useMessages();
  return <PlannedScreen title={m.title} intro={m.intro} planTitle={planned.planTitle} plan={Object.values(m.plan)} />;
}
