import { useLiveQuery } from 'dexie-react-hooks';
import { todayInJakarta } from '../../domain/dates.ts';
import { DEMO_SEED } from '../../domain/demo/generate.ts';
import { FormError } from '../forms/FormError.tsx';
import type { Cooperative } from '../session/cooperative.ts';
import { getDb } from '../session/database.ts';
import { useCanWrite } from '../session/use-session.ts';
import { demoMarkOf } from './demo-mark.ts';
import { runDemoLoad, useDemoJob } from './demo-job.ts';
import { demoMessages } from './messages.ts';

export type DemoSize = { readonly members: number; readonly months: number; readonly loans: number };

/**
 * "Muat koperasi contoh": only on a trial-mode phone whose books are empty (or already the demo, to
 * finish a load cut short), never into a real cooperative's books. `size` makes a smaller demo
 * (tests); the app loads the full one.
 */
export function DemoPanel({ cooperative, size }: { readonly cooperative: Cooperative; readonly size?: DemoSize }) {
  const m = demoMessages.useMessages();
  const canWrite = useCanWrite();
  const entries = useLiveQuery(() => getDb().entries.count(), []);
  const run = useDemoJob((store) => store.job);
  const mark = demoMarkOf(cooperative.settings);
  const allowed = cooperative.mode === 'local' && (entries === 0 || mark !== null);

  const start = () => {
    // Resuming reuses the first load's end date, so the drafts (and their ids) are the same.
    const until = mark?.until ?? todayInJakarta();
    void runDemoLoad(getDb(), { seed: mark?.seed ?? DEMO_SEED, until, ...size });
  };

  if (!canWrite || entries === undefined) return null;
  return (
    <section className="card" aria-labelledby="demo-heading">
      <h2 id="demo-heading" className="card__title">
        {m.title}
      </h2>
      <p>{m.intro}</p>
      {!allowed ? <p className="hint">{m.onlyEmpty}</p> : null}
      {mark !== null && run.state === 'idle' ? <p className="notice">{m.loaded}</p> : null}
      {allowed && run.state !== 'loading' && run.state !== 'done' ? (
        <button type="button" className="button button--primary" onClick={start}>
          {mark === null ? m.load : m.resume}
        </button>
      ) : null}
      {run.state === 'loading' ? (
        <div role="status">
          <progress className="demo-progress" max={Math.max(1, run.progress.total)} value={run.progress.done} aria-label={m.progressLabel} />
          <p>{m.loading(run.progress.done, run.progress.total)}</p>
        </div>
      ) : null}
      {run.state === 'done' ? (
        <p className="notice" role="status" data-testid="demo-done">
          {m.done(run.loaded)}
        </p>
      ) : null}
      {run.state === 'failed' ? (
        <>
          <p className="form-error" role="alert">
            {m.failed}
          </p>
          <FormError code={run.code} />
        </>
      ) : null}
    </section>
  );
}
