import { useState } from 'react';
import { loadDb } from '../session/lazy-db.ts';
import type { DemoSize } from './DemoPanel.tsx';
import { demoMessages } from './messages.ts';

/**
 * The welcome screen's third choice: trial mode with the demo cooperative loaded, in one tap. The
 * load runs on while the treasurer creates the first user (the DEMO banner shows its progress).
 */
export function DemoStartChoice({ className, size }: { readonly className: string; readonly size?: DemoSize }) {
  const m = demoMessages.useMessages();
  const [starting, setStarting] = useState(false);
  const start = async () => {
    setStarting(true);
    try {
      // Trial mode, the generator and the loader load on this tap, not with the welcome screen: they
      // are not needed to show it (the treasurer's first load stays small, docs/performance.md).
      const [db, { startLocalMode }, { runDemoLoad }, { DEMO_SEED }, { todayInJakarta }] = await Promise.all([
        loadDb(),
        import('../../db/enrollment.ts'),
        import('./demo-job.ts'),
        import('../../domain/demo/generate.ts'),
        import('../../domain/dates.ts'),
      ]);
      await startLocalMode(db);
      void runDemoLoad(db, { seed: DEMO_SEED, until: todayInJakarta(), ...size });
    } finally {
      setStarting(false);
    }
  };
  return (
    <button type="button" className={className} disabled={starting} onClick={() => void start()}>
      <span className="welcome-choice__title">{m.welcomeTitle}</span>
      <span className="welcome-choice__hint">{m.welcomeHint}</span>
    </button>
  );
}
