import { useCooperative } from '../session/cooperative.ts';
import { demoMarkOf } from './demo-mark.ts';
import { demoMessages } from './messages.ts';

/** A strip on every treasurer screen while the books are the demo cooperative's. */
export function DemoBanner() {
  const m = demoMessages.useMessages();
  const cooperative = useCooperative();
  if (demoMarkOf(cooperative?.settings) === null) return null;
  return (
    <p className="demo-banner" role="note" data-testid="demo-banner">
      {m.banner}
    </p>
  );
}
