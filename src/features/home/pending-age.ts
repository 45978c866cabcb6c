/** How old the oldest unsent entry is, in the largest whole unit: "2 hari", "5 jam", "10 menit". */
export type Age = { unit: 'day' | 'hour' | 'minute'; n: number } | { unit: 'now' };

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export function ageOf(ms: number): Age {
  if (ms >= DAY) return { unit: 'day', n: Math.floor(ms / DAY) };
  if (ms >= HOUR) return { unit: 'hour', n: Math.floor(ms / HOUR) };
  if (ms >= MINUTE) return { unit: 'minute', n: Math.floor(ms / MINUTE) };
  return { unit: 'now' };
}
