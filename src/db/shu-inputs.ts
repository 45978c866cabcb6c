/**
 * What the SHU of a year needs on the phone, read in one transaction: the small reads every report
 * gets (account totals and months for the year's SHU, settings for the allocation; ledger-tables.ts
 * `BASE_READS`) and the SHU read model's 32 column chunks (shu-chunk-rows.ts) — where `shuReads`
 * read ~25 000 member rows and months for five years of 5 000 members.
 */
import { Dexie } from 'dexie';
import type { LedgerState } from '../domain/ledger/index.ts';
import type { ShuChunk } from '../domain/reports/shu-chunks.ts';
import type { LumbungDb } from './database.ts';
import { readProjectionMark, type ProjectionMark } from './meta.ts';
import { currentLedger, isCurrentFormat } from './projections.ts';
import { SHU_CHUNKS } from './shu-chunk-rows.ts';

export type ShuInputs = {
  /** The ledger with the reads every reader gets (no member rows, no member months). */
  readonly state: LedgerState;
  /** Every chunk: each member's bases of every year, and label. */
  readonly chunks: readonly ShuChunk[];
};

/**
 * The chunks last read, while the projection mark they were read at is current: reopening SHU (or
 * Tutup buku, or another year) reads one meta row, not the chunks again. Any write to the
 * projections moves the mark in the same transaction, so a current mark means current chunks.
 */
type CachedChunks = { readonly mark: ProjectionMark; readonly chunks: readonly ShuChunk[] };
const cache = new WeakMap<LumbungDb, CachedChunks>();

const sameMark = (a: ProjectionMark, b: ProjectionMark): boolean => a.order === b.order && a.generation === b.generation && a.format === b.format;

/** Rebuilds of an old projection format are awaited between attempts; one is enough, three is a bug. */
const ATTEMPTS = 3;

export async function readShuInputs(db: LumbungDb): Promise<ShuInputs> {
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const inputs = await db.transaction('r', db.entries, db.meta, db.projections, async () => {
      // Chunks of an older format may be missing or stale: read nothing until the rows are rebuilt.
      const mark = await readProjectionMark(db);
      if (!isCurrentFormat(mark)) return undefined;
      const cached = cache.get(db);
      if (cached !== undefined && sameMark(cached.mark, mark)) return { state: await currentLedger(db, []), chunks: cached.chunks };
      const [state, rows] = await Promise.all([
        currentLedger(db, []),
        db.projections.where('[t+k]').between([SHU_CHUNKS, Dexie.minKey], [SHU_CHUNKS, Dexie.maxKey]).toArray(),
      ]);
      // Written by this phone's fold (shu-chunk-rows.ts) from this same type.
      const chunks = rows.map((row) => row.v as ShuChunk);
      cache.set(db, { mark, chunks });
      return { state, chunks };
    });
    if (inputs !== undefined) return inputs;
    // Rebuilds the rows in a task of its own (live queries refuse a read-write transaction).
    await currentLedger(db, []);
  }
  throw new Error('the projections were not rebuilt to the current format');
}
