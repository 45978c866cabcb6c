import { useEffect, useState } from 'react';

/**
 * The current time (epoch ms), refreshed every `intervalMs` while `active`: drives the "try again
 * in 0:29" countdown without a timer running when nothing counts down.
 */
export function useNow(active: boolean, intervalMs = 1000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!active) return undefined;
    setNow(Date.now());
    const timer = window.setInterval(() => setNow(Date.now()), intervalMs);
    return () => window.clearInterval(timer);
  }, [active, intervalMs]);
  return now;
}
