/**
 * TEST-ONLY crash points for the seeded simulation (tests/sim): the district server kills itself
 * with SIGKILL at a named point of a push, so the simulation can prove that a crash before the
 * commit stores nothing and a crash between the commit and the answer loses nothing (the phone
 * resends and gets `duplicate`). Research: reliability.md §4.3 "Kill the server at a chosen point".
 *
 * Armed only by the environment variable `LUMBUNG_SIM_CRASH_AT=<point>:<n>` (crash at the n-th time
 * the point is reached), which production never sets and `npm start` documents nowhere. Unset, a
 * fault point is one comparison against `null`.
 */
export const FAULT_POINTS = ['push-before-commit', 'push-after-commit'] as const;
export type FaultPoint = (typeof FAULT_POINTS)[number];

type Armed = { point: FaultPoint; remaining: number };

function parseArmed(value: string | undefined): Armed | null {
  if (value === undefined || value === '') return null;
  const match = /^([a-z-]+):(\d{1,6})$/.exec(value);
  const point = FAULT_POINTS.find((p) => p === match?.[1]);
  const count = Number(match?.[2]);
  if (point === undefined || !Number.isInteger(count) || count < 1) {
    throw new Error(`LUMBUNG_SIM_CRASH_AT must be <${FAULT_POINTS.join('|')}>:<n>, got "${value}"`);
  }
  return { point, remaining: count };
}

const armed: Armed | null = parseArmed(process.env.LUMBUNG_SIM_CRASH_AT);

/** Dies on the spot (no cleanup, no flush) when this is the armed point's n-th hit. */
export function faultPoint(point: FaultPoint): void {
  if (armed === null || armed.point !== point) return;
  armed.remaining--;
  if (armed.remaining === 0) process.kill(process.pid, 'SIGKILL');
}
