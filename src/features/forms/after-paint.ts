/**
 * Runs work after the browser has painted the frame that follows the current task: what a save
 * changed besides "Tersimpan" (the live queries' lists and balances) is told then, so it does not
 * share that frame. rAF runs just before a paint; a task queued from it runs after. A hidden page
 * gets no frames, and a very slow frame should not hold the rest back for long, so a timer runs
 * the work anyway after a while.
 */
const AT_THE_LATEST_MS = 250;

export function afterPaint(run: () => void): void {
  let done = false;
  const once = () => {
    if (done) return;
    done = true;
    run();
  };
  // Two tasks on from the frame: whatever that paint itself queued (its own follow-up tasks) goes first.
  if ('requestAnimationFrame' in globalThis) requestAnimationFrame(() => setTimeout(() => setTimeout(once, 0), 0));
  setTimeout(once, AT_THE_LATEST_MS);
}
