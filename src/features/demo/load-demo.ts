/**
 * Loading the demo cooperative into this phone's local-only books: every draft of the generator
 * through `appendEntry`, exactly like entries typed on the screens (signed, chained, folded, with
 * receipt numbers), dated and timed by the demo's own clock. Batched, with progress, and resumable:
 * the drafts' ids are fixed by the seed, so a load cut short (app closed, phone died) picks up where
 * it stopped — `appendEntry` answers an id already saved without saving it twice.
 */
import { appendEntry } from '../../db/append-entry.ts';
import type { LumbungDb } from '../../db/database.ts';
import type { StorageErrorCode } from '../../db/storage-errors.ts';
import { generateDemo, type DemoOptions } from '../../domain/demo/generate.ts';

export type DemoProgress = { readonly done: number; readonly total: number };
export type DemoLoadResult =
  | { readonly ok: true; readonly loaded: number }
  | { readonly ok: false; readonly error: StorageErrorCode; readonly done: number };

/** Entries per step before the page gets a turn to paint the progress bar. */
const BATCH = 40;

const nextTask = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

export async function loadDemo(
  db: LumbungDb,
  options: DemoOptions,
  onProgress: (progress: DemoProgress) => void = () => undefined,
): Promise<DemoLoadResult> {
  const { drafts } = generateDemo(options);
  const total = drafts.length;
  onProgress({ done: 0, total });
  for (const [k, demoDraft] of drafts.entries()) {
    const { receipt, recordedAt, ...draft } = demoDraft;
    const result = await appendEntry(db, draft, { receipt, now: () => new Date(recordedAt) });
    if (!result.ok) return { ok: false, error: result.error, done: k };
    if ((k + 1) % BATCH === 0) {
      onProgress({ done: k + 1, total });
      await nextTask();
    }
  }
  onProgress({ done: total, total });
  return { ok: true, loaded: total };
}
