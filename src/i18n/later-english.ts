/**
 * The English of the first load's catalogs (defineMessages with `englishLater`): 1.7 KB brotli
 * that no Indonesian start needs, ~50 ms over 2G (docs/performance.md §1, "Session 14"). Each such
 * catalog registers its loader as its module is evaluated; `loadLaterEnglish` runs every one not
 * yet loaded, and the language store switches to English only after it resolved.
 */
const pending = new Set<() => Promise<void>>();

export function registerLaterEnglish(load: () => Promise<void>): void {
  pending.add(load);
}

/** Fetches the English still missing; rejects when it cannot (offline before the worker installed). */
export async function loadLaterEnglish(): Promise<void> {
  const loads = [...pending];
  await Promise.all(
    loads.map(async (load) => {
      await load();
      // Only a load that succeeded leaves the set: a failed one is tried again next time.
      pending.delete(load);
    }),
  );
}
