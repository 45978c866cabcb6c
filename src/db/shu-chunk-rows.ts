/**
 * The SHU read model's rows in the `projections` table, beside the ledger's own tables: the
 * members' SHU bases per year and labels in 32 column chunks (`shuChunks`, key `07`,
 * domain/reports/shu-chunks.ts). SHU's first open reads these 32 rows instead of 5 000 member rows
 * and ~20 000 member months (docs/performance.md §2, Session 4). They are not a ledger table
 * (`LedgerState` has none such): the ledger's readers never see them, only shu-inputs.ts reads them.
 *
 * Written with every fold's rows (projections.ts `writeTouched`) and with a rebuild (`writeAll`),
 * so they are exactly as current as the member months and member rows they are made from.
 */
import type { LedgerState, MemberPeriodRow, TableName } from '../domain/ledger/index.ts';
import { foldIntoShuChunks, monthKeyParts, shuChunkKeyOf, shuChunksOf, type ShuChunk } from '../domain/reports/shu-chunks.ts';
import type { LumbungDb } from './database.ts';
import type { ProjectionRow } from './projection-row.ts';

/** The `t` of the rows (never a ledger table name). */
export const SHU_CHUNKS = 'shuChunks';

export type ChunkWrites = { readonly puts: ProjectionRow[]; readonly deletes: [string, string][] };

/** Every chunk row of a whole ledger (a rebuild writes these with the ledger's rows). */
export function chunkRowsOf(state: LedgerState): ProjectionRow[] {
  return [...shuChunksOf(state.memberPeriods.values(), state.members.values())].map(([k, v]) => ({ t: SHU_CHUNKS, k, v }));
}

/**
 * The chunk rows a fold's writes change (fresh arrays: the caller adds the ledger's rows to them).
 * Inside the fold's read-write transaction and BEFORE its rows are put: the member months it is
 * about to replace are read from the store (the fold changed them in place), with the chunks they
 * and the touched members land in, in one `bulkGet`; each month's difference is added to its
 * member's cell. A save touches one member month and one member row: 2 keys read, one chunk row
 * written (none when neither a basis nor the label changed).
 */
export async function chunkWritesOf(db: LumbungDb, state: LedgerState, touched: ReadonlyMap<TableName, ReadonlySet<string>>): Promise<ChunkWrites> {
  const monthKeys = [...(touched.get('memberPeriods') ?? [])].filter((k) => monthKeyParts(k) !== undefined);
  const memberIds = [...(touched.get('members') ?? [])];
  if (monthKeys.length === 0 && memberIds.length === 0) return { puts: [], deletes: [] };
  const chunkKeys = [...new Set([...monthKeys.map((k) => shuChunkKeyOf(monthKeyParts(k)?.memberId ?? '')), ...memberIds.map(shuChunkKeyOf)])];
  const stored = await db.projections.bulkGet([
    ...monthKeys.map((k): [string, string] => ['memberPeriods', k]),
    ...chunkKeys.map((k): [string, string] => [SHU_CHUNKS, k]),
  ]);
  // Every row read here was written by this phone's fold or by this module, from these same types.
  const valueAt = (i: number): unknown => stored[i]?.v;
  const months = monthKeys.map((key, i) => ({ key, before: valueAt(i) as MemberPeriodRow | undefined, after: state.memberPeriods.get(key) }));
  const chunks = new Map(chunkKeys.map((k, i): [string, ShuChunk | undefined] => [k, valueAt(monthKeys.length + i) as ShuChunk | undefined]));
  const members = memberIds.map((memberId) => ({ memberId, after: state.members.get(memberId) }));

  const puts: ProjectionRow[] = [];
  const deletes: [string, string][] = [];
  for (const [k, v] of foldIntoShuChunks(chunks, months, members)) {
    if (v === undefined) deletes.push([SHU_CHUNKS, k]);
    else puts.push({ t: SHU_CHUNKS, k, v });
  }
  return { puts, deletes };
}
