/**
 * The Background Sync tag the page registers (`registration.sync.register(SYNC_TAG)`) and the
 * worker answers. One tag on purpose: the sync engine always pushes and pulls everything pending,
 * so there is nothing to gain from per-entry tags.
 */
export const SYNC_TAG = 'lumbung-sync';

/** Messages the worker posts to its pages. */
export type WorkerToPageMessage = { readonly type: 'SYNC_REQUESTED'; readonly tag: typeof SYNC_TAG };

/** Messages a page posts to the worker. */
export type PageToWorkerMessage = { readonly type: 'SKIP_WAITING' };
