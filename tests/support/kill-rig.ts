// The set-up the kill tests share: how many kills per point a run makes (LUMBUNG_KILLS), a phone
// enrolled through the relay and signed in, the app reopened after a kill, starting a push until
// the relay holds it, and the tally of kills per point that the run prints for docs/reliability.md.
import type { BrowserContext, Page } from 'playwright-core';
import { createFirstUser, enrollFromWelcome, goTo, openControlled, unlock, waitForHeading, type AdminApi } from './e2e-flows.ts';

/** Kills per named point in `npm test`; `LUMBUNG_KILLS=N` runs more (docs/reliability.md). */
export const DEFAULT_KILLS_PER_POINT = 3;

export function killsPerPoint(env: NodeJS.ProcessEnv = process.env): number {
  const text = env.LUMBUNG_KILLS;
  if (text === undefined || text === '') return DEFAULT_KILLS_PER_POINT;
  const count = Number(text);
  if (!Number.isInteger(count) || count < 1 || count > 100) throw new Error(`LUMBUNG_KILLS must be a whole number from 1 to 100, got "${text}"`);
  return count;
}

export type PhoneNames = { readonly cooperative: string; readonly device: string; readonly user: string; readonly pin: string };

/** A cooperative made by the office, this phone enrolled in it through `baseUrl`, its first user signed in on Beranda. */
export async function enrollPhone(
  context: BrowserContext,
  baseUrl: string,
  admin: AdminApi,
  names: PhoneNames,
): Promise<{ readonly page: Page; readonly cooperativeId: string }> {
  const { id: cooperativeId } = await admin.createCooperative({ name: names.cooperative, village: 'Sukamaju', district: 'Malang' });
  const page = await openControlled(context, baseUrl, '/');
  page.setDefaultTimeout(20_000);
  await enrollFromWelcome(page, await admin.enrollmentCode(cooperativeId), names.device);
  await createFirstUser(page, names.user, names.pin);
  await goTo(page, '/');
  await waitForHeading(page, 'Beranda');
  return { page, cooperativeId };
}

/**
 * The app after a restart: a new tab on the same profile, the lock screen, the PIN, Beranda. After
 * the renderers were killed the browser may hand the new tab to a renderer that is still going
 * down ("Target crashed"); like a person tapping the icon again, it tries again.
 */
export async function reopenPhone(context: BrowserContext, baseUrl: string, pin: string): Promise<Page> {
  for (let attempt = 1; ; attempt++) {
    try {
      const page = await openControlled(context, baseUrl, '/');
      page.setDefaultTimeout(20_000);
      await unlock(page, pin);
      await goTo(page, '/');
      await waitForHeading(page, 'Beranda');
      return page;
    } catch (error) {
      if (attempt === 3 || !String(error).includes('crashed')) throw error;
      for (const stale of context.pages()) await stale.close().catch(() => undefined);
    }
  }
}

/**
 * Sinkron → "Sinkronkan sekarang", again whenever the button is free, until `reached` resolves
 * (the relay holds a push, or the server died): saving starts a push by itself, a failed push
 * waits out a backoff the treasurer cuts short with the button.
 */
export async function pushUntil(page: Page, reached: Promise<unknown>): Promise<void> {
  let done = false;
  const settled = reached.then(() => {
    done = true;
  });
  await goTo(page, '/sinkron');
  const button = page.getByRole('button', { name: 'Sinkronkan sekarang' });
  while (!done) {
    if (await button.isEnabled().catch(() => false)) await button.click({ timeout: 2_000 }).catch(() => undefined);
    await Promise.race([settled, new Promise((resolve) => setTimeout(resolve, 500))]);
  }
}

/** Kills made per (kind of kill, point), with what each showed and how long each took; printed at the end of a run. */
export class KillTally {
  private readonly counts = new Map<string, { count: number; ms: number; outcomes: Set<string> }>();

  record(kill: string, point: string, outcome: string, ms: number): void {
    const key = `${kill} @ ${point}`;
    const seen = this.counts.get(key) ?? { count: 0, ms: 0, outcomes: new Set<string>() };
    seen.count++;
    seen.ms += ms;
    seen.outcomes.add(outcome);
    this.counts.set(key, seen);
  }

  report(): string {
    const lines = [...this.counts].map(
      ([key, { count, ms, outcomes }]) =>
        `  ${key}: ${String(count)} (${[...outcomes].join('; ')}; ${(ms / count / 1000).toFixed(1)} s each with the restart and checks)`,
    );
    return `kills per point:\n${lines.join('\n')}`;
  }
}
