import { PlannedScreen } from '../planned/PlannedScreen.tsx';
import { plannedMessages } from '../planned/messages.ts';
import { membersMessages } from './messages.ts';

export default function MembersPage() {
  const m = membersMessages.useMessages();
  const planned = plannedMessages.useMessages();
  return <PlannedScreen title={m.title} intro={m.intro} planTitle={planned.planTitle} plan={Object.values(m.plan)} />;
}
