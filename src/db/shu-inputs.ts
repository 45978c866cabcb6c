/**
 * What the SHU of a year needs on the phone, read in one transaction: the small reads every report
 * gets (account totals and months for the year's SHU, settings for the allocation; ledger-tables.ts
 * `BASE_READS`), the SHU bases chunks of every year up to it and the members' label chunks
 * (shu-chunk-rows.ts) — ~200 rows for five years of 5 000 members, where `shuReads` read ~25 000.
 */
import { Dexie } from 'dexie';
import type { LedgerState } from '../domain/ledger/index.ts';
import type { MemberLabelChunk } from '../domain/reports/member-labels.ts';
import { shuBasesThrough, type ShuBasesChunk } from '../domain/reports/shu-bases.ts';
import type { LumbungDb } from './database.ts';
import { readProjectionMark, type ProjectionMark } from './meta.ts';
import { currentLedger, isCurrentFormat } from './projections.ts';
import { MEMBER_LABELS, SHU_BASES } from './shu-chunk-rows.ts';

export type ShuInputs = {
  /** The ledger with the reads every reader gets (no member rows, no member months). */
  readonly state: LedgerState;
  /** Chunks of every year up to the SHU's year. */
  readonly bases: readonly ShuBasesChunk[];
  readonly labels: readonly MemberLabelChunk[];
};

/**
 * The chunks last read, while the projection mark they were read at is current: reopening SHU (or
 * Tutup buku, or another year up to `through`) reads one meta row, not the chunks again. Any write
 * to the projections moves the mark in the same transaction, so a current mark means current chunks.
 */
type CachedChunks = { readonly mark: ProjectionMark; readonly through: number; readonly bases: readonly ShuBasesChunk[]; readonly labels: readonly MemberLabelChunk[] };
const cache = new WeakMap<LumbungDb, CachedChunks>();

const sameMark = (a: ProjectionMark, b: ProjectionMark): boolean => a.order === b.order && a.generation === b.generation && a.format === b.format;

/** Rebuilds of an old projection format are awaited between attempts; one is enough, three is a bug. */
const ATTEMPTS = 3;

export async function readShuInputs(db: LumbungDb, year: number): Promise<ShuInputs> {
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const inputs = await db.transaction('r', db.entries, db.meta, db.projections, async () => {
      // Chunks of an older format may be missing or stale: read nothing until the rows are rebuilt.
      const mark = await readProjectionMark(db);
      if (!isCurrentFormat(mark)) return undefined;
      const cached = cache.get(db);
      if (cached !== undefined && sameMark(cached.mark, mark) && cached.through >= year) {
        return { state: await currentLedger(db, []), bases: cached.bases, labels: cached.labels };
      }
      const through = shuBasesThrough(year);
      const [state, baseRows, labelRows] = await Promise.all([
        currentLedger(db, []),
        db.projections.where('[t+k]').between([SHU_BASES, through.from], [SHU_BASES, through.below], true, false).toArray(),
        db.projections.where('[t+k]').between([MEMBER_LABELS, Dexie.minKey], [MEMBER_LABELS, Dexie.maxKey]).toArray(),
      ]);
      // Written by this phone's fold (shu-chunk-rows.ts) from these same types.
      const bases = baseRows.map((row) => row.v as ShuBasesChunk);
      const labels = labelRows.map((row) => row.v as MemberLabelChunk);
      cache.set(db, { mark, through: year, bases, labels });
      return { state, bases, labels };
    });
    if (inputs !== undefined) return inputs;
    // Rebuilds the rows in a task of its own (live queries refuse a read-write transaction).
    await currentLedger(db, []);
  }
  throw new Error('the projections were not rebuilt to the current format');
}
