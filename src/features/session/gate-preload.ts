/**
 * What the gate's buttons run (sign in, create the first user, start trial mode, enroll) is loaded
 * on the tap, not with the screens (docs/performance.md: the first load stays small). Once a gate
 * screen is on screen, this fetches those modules in the background, so a tap on a 2G phone does
 * not wait for a chunk; offline they come from the service worker's precache.
 */
let started = false;

export function preloadGateActions(): void {
  if (started) return;
  started = true;
  const ignore = () => undefined;
  // A failed preload costs nothing: the tap imports the module again and reports its own failure.
  import('../../db/users.ts').catch(ignore);
  import('../../db/enrollment.ts').catch(ignore);
  import('../../sync/enroll.ts').catch(ignore);
}
