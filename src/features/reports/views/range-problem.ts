import type { reportsMessages } from '../messages.ts';

type Messages = ReturnType<typeof reportsMessages.current>;

/**
 * Why a from–to query cannot run: null while a date is invalid (its field says so), a sentence
 * when the range is reversed, undefined when it can run.
 */
export function rangeProblem(from: string | undefined, to: string | undefined, m: Messages): string | null | undefined {
  if (from === undefined || to === undefined) return null;
  return from > to ? m.rangeReversed : undefined;
}
