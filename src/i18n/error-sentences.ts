/**
 * The error sentences (errors.ts, with the entry checks' reasons: ~2.5 KB brotli, both languages)
 * are not part of the first load: no first screen shows an error, and on 2G every kilobyte before
 * the first screen costs ~30 ms (docs/performance.md §1, "Session 14"). They are fetched once the
 * first screen is painted (main.tsx), from the service worker's cache on every later start, so a
 * form that fails has them at hand; until they arrive a form error says what happened in general
 * words, with the code.
 */
type ErrorSentences = typeof import('./errors.ts');

let loaded: ErrorSentences | undefined;
let loading: Promise<ErrorSentences> | undefined;

/** The sentences, if they have arrived. */
export const loadedErrorSentences = (): ErrorSentences | undefined => loaded;

/** Fetches the sentences once; a failed fetch (offline before the worker installed) may be retried. */
export function loadErrorSentences(): Promise<ErrorSentences> {
  loading ??= import('./errors.ts').then(
    (module) => (loaded = module),
    (error: unknown) => {
      loading = undefined;
      throw error;
    },
  );
  return loading;
}
