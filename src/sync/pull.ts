/**
 * PULL: fetch every accepted entry of the cooperative after our cursor, page by page, until the
 * server says `more: false`. Each page is stored by the local store's `ingestPulled` in ONE
 * transaction together with the page's cursor, so a phone killed between pages resumes exactly
 * where it stopped: nothing skipped, nothing applied twice (ingest also skips ids it holds).
 * Pulled entries reach the projections there with their serverSeqs, including other devices'
 * member edits: profiles resolve edits in server order, and conflicts become flags.
 */
import { ingestPulled } from '../db/ingest.ts';
import { readPullCursor, writeMeta } from '../db/meta.ts';
import { encodeCursor } from '../domain/ledger/index.ts';
import { ownEntriesLostFrom } from './device-head.ts';
import { deviceRequest, type DeviceSession } from './device-request.ts';
import { stopForRefusal, stopForUnknown, type RunStop } from './refusal.ts';
import { pullResponseSchema } from './wire.ts';

export const PULL_PATH = '/api/v1/sync/pull';

/**
 * 200 entries a page: ~140 KB of JSON, ~40 KB gzipped — one page fits a short 2G window, and a
 * page lost to a dropped link costs little to fetch again.
 */
export const PULL_PAGE_SIZE = 200;

/** The server's code for a cursor it cannot read (docs/api.md). */
const INVALID_CURSOR = 'invalid-cursor';

/** Far more pages than any cooperative has; only a misbehaving server could reach it. */
const MAX_PAGES_PER_RUN = 10_000;

export type PullTally = { pulled: number; added: number; serverTime: string | null };
export type PullOutcome = {
  readonly tally: PullTally;
  readonly stop: RunStop | null;
  /**
   * The server's copy of this device's chain ends before entries it acknowledged to us (it was
   * restored from an older backup): the seq to push again from. Null when nothing is missing, or
   * the server did not say (older servers).
   */
  readonly ownLostFrom: number | null;
};

export type PullOptions = {
  readonly pageSize?: number | undefined;
  readonly onProgress?: ((pulled: number) => void) | undefined;
};

export function pullPath(cursor: string | undefined, pageSize: number): string {
  const after = cursor === undefined ? '0' : encodeURIComponent(cursor);
  return `${PULL_PATH}?after=${after}&limit=${String(pageSize)}`;
}

export async function pullAll(session: DeviceSession, options: PullOptions = {}): Promise<PullOutcome> {
  const tally: PullTally = { pulled: 0, added: 0, serverTime: null };
  const pageSize = options.pageSize ?? PULL_PAGE_SIZE;
  let startedAgain = false;
  for (let page = 0; page < MAX_PAGES_PER_RUN; page++) {
    const cursor = await readPullCursor(session.db);
    const outcome = await deviceRequest(session, 'GET', pullPath(cursor, pageSize), undefined, pullResponseSchema);
    if (outcome.kind === 'unknown') return { tally, stop: stopForUnknown(outcome.reason), ownLostFrom: null };
    if (outcome.kind === 'refused') {
      // A cursor this server cannot read: one written by a newer server, before the district went
      // back to an older version (a restored disk image). From the beginning, once: ingest skips
      // what we hold. Without this, the phone would never pull again.
      if (outcome.status === 400 && outcome.code === INVALID_CURSOR && cursor !== undefined && !startedAgain) {
        startedAgain = true;
        await writeMeta(session.db, 'pullCursor', encodeCursor(0));
        continue;
      }
      return { tally, stop: stopForRefusal(outcome.status, outcome.code, outcome.message), ownLostFrom: null };
    }
    const body = outcome.body;
    tally.serverTime = body.serverTime;
    const stored = await ingestPulled(session.db, { entries: body.entries, cursor: body.cursor, serverSeqs: body.serverSeqs });
    if (!stored.ok) {
      // A page that does not validate came from a broken server or proxy; storage trouble is ours.
      const error = stored.error === 'entry-invalid' ? 'server' : 'storage';
      return { tally, stop: { kind: 'failed', error, detail: stored.error }, ownLostFrom: null };
    }
    tally.pulled += body.entries.length;
    tally.added += stored.value.added;
    options.onProgress?.(tally.pulled);
    if (!body.more) {
      const ownLostFrom = body.device === undefined ? null : await ownEntriesLostFrom(session.db, session.deviceId, body.device);
      return { tally, stop: null, ownLostFrom };
    }
    // "More" with the same cursor and nothing in it would spin forever.
    if (body.entries.length === 0 && body.cursor === cursor) return { tally, stop: stopForUnknown('bad-shape'), ownLostFrom: null };
  }
  return { tally, stop: stopForUnknown('bad-shape'), ownLostFrom: null };
}
