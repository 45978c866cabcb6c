import { useCooperativeOutsideGate } from './safe-cooperative.ts';
import { useDemoJob } from './demo-job.ts';
import { demoMarkOf } from './demo-mark.ts';
import { demoMessages } from './messages.ts';

/**
 * A strip on every treasurer screen while the books are the demo cooperative's — and while the demo
 * is loading, with its progress (a load started from the welcome screen runs on behind the next
 * setup step).
 */
export function DemoBanner() {
  const m = demoMessages.useMessages();
  const cooperative = useCooperativeOutsideGate();
  const job = useDemoJob((store) => store.job);
  const loading = job.state === 'loading';
  if (!loading && demoMarkOf(cooperative?.settings) === null) return null;
  return (
    <p className="demo-banner" role="note" data-testid="demo-banner">
      {m.banner}
      {loading ? (
        <span role="status" data-testid="demo-banner-progress">
          {' '}
          {m.loading(job.progress.done, job.progress.total)}
        </span>
      ) : null}
    </p>
  );
}
