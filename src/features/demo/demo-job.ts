/**
 * The one demo load of this tab, as a tiny store: started from Pengaturan or from the welcome screen
 * (where the screen itself goes away as soon as trial mode starts, so the progress must outlive it —
 * the DEMO banner shows it on every screen). A second start while one runs is ignored.
 */
import { create } from 'zustand';
import type { LumbungDb } from '../../db/database.ts';
import type { DemoOptions } from '../../domain/demo/generate.ts';
import { loadDemo, type DemoProgress } from './load-demo.ts';

export type DemoJob =
  | { readonly state: 'idle' }
  | { readonly state: 'loading'; readonly progress: DemoProgress }
  | { readonly state: 'done'; readonly loaded: number }
  | { readonly state: 'failed'; readonly code: string };

export const useDemoJob = create<{ job: DemoJob }>(() => ({ job: { state: 'idle' } }));

export async function runDemoLoad(db: LumbungDb, options: DemoOptions): Promise<DemoJob> {
  const current = useDemoJob.getState().job;
  if (current.state === 'loading') return current;
  const set = (job: DemoJob): void => useDemoJob.setState({ job });
  set({ state: 'loading', progress: { done: 0, total: 0 } });
  const result = await loadDemo(db, options, (progress) => set({ state: 'loading', progress }));
  const job: DemoJob = result.ok ? { state: 'done', loaded: result.loaded } : { state: 'failed', code: result.error };
  set(job);
  return job;
}

/** Test hook: forget the last load. */
export function resetDemoJob(): void {
  useDemoJob.setState({ job: { state: 'idle' } });
}
