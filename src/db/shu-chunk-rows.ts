/**
 * The SHU read model's rows in the `projections` table, beside the ledger's own tables: per year,
 * the members' SHU bases in column chunks (`shuBases`, key `2025|07`, domain/reports/shu-bases.ts)
 * and the members' labels in column chunks (`memberLabels`, key `07`, member-labels.ts). SHU's
 * first open reads these ~200 rows instead of 5 000 member rows and ~20 000 member months
 * (docs/performance.md §2, Session 4). They are not ledger tables (`LedgerState` has no such
 * table): the ledger's readers never see them, only shu-inputs.ts reads them.
 *
 * Written with every fold's rows (projections.ts `writeTouched`) and with a rebuild (`writeAll`),
 * so they are exactly as current as the member months and member rows they are made from.
 */
import type { LedgerState, MemberPeriodRow, MemberRow, TableName } from '../domain/ledger/index.ts';
import { foldMemberLabels, memberLabelsKeyOf, memberLabelsOfMembers, type MemberLabelChunk } from '../domain/reports/member-labels.ts';
import { foldMemberMonths, shuBasesKeyOfMonth, shuBasesOfMonths, type ShuBasesChunk } from '../domain/reports/shu-bases.ts';
import type { LumbungDb } from './database.ts';
import type { ProjectionRow } from './projection-row.ts';

/** The `t` of the rows (never a ledger table name). */
export const SHU_BASES = 'shuBases';
export const MEMBER_LABELS = 'memberLabels';

export type ChunkWrites = { readonly puts: ProjectionRow[]; readonly deletes: [string, string][] };

/** Every chunk row of a whole ledger (a rebuild writes these with the ledger's rows). */
export function chunkRowsOf(state: LedgerState): ProjectionRow[] {
  const rows: ProjectionRow[] = [];
  for (const [k, v] of shuBasesOfMonths(state.memberPeriods.values())) rows.push({ t: SHU_BASES, k, v });
  for (const [k, v] of memberLabelsOfMembers(state.members.values())) rows.push({ t: MEMBER_LABELS, k, v });
  return rows;
}

/**
 * The chunk rows a fold's writes change (fresh arrays: the caller adds the ledger's rows to them). Inside the fold's read-write transaction and BEFORE its
 * rows are put: the member months it is about to replace are read from the store (the fold changed
 * them in place), with the chunks they land in, in one `bulkGet`; the difference of each month is
 * added to its chunk. A save touches one member month and one member row: 3–4 keys read, one or
 * two chunk rows written (none when the label did not change).
 */
export async function chunkWritesOf(db: LumbungDb, state: LedgerState, touched: ReadonlyMap<TableName, ReadonlySet<string>>): Promise<ChunkWrites> {
  const monthKeys = [...(touched.get('memberPeriods') ?? [])];
  const memberIds = [...(touched.get('members') ?? [])];
  if (monthKeys.length === 0 && memberIds.length === 0) return { puts: [], deletes: [] };
  const basesKeys = [...new Set(monthKeys.map(shuBasesKeyOfMonth).filter((k) => k !== undefined))];
  const labelKeys = [...new Set(memberIds.map(memberLabelsKeyOf))];
  const wanted: [string, string][] = [
    ...monthKeys.map((k): [string, string] => ['memberPeriods', k]),
    ...basesKeys.map((k): [string, string] => [SHU_BASES, k]),
    ...labelKeys.map((k): [string, string] => [MEMBER_LABELS, k]),
  ];
  const stored = await db.projections.bulkGet(wanted);
  // Every row read here was written by this phone's fold or by this module, from these same types.
  const valueAt = (i: number): unknown => stored[i]?.v;
  const months = monthKeys.map((key, i) => ({
    key,
    before: valueAt(i) as MemberPeriodRow | undefined,
    after: state.memberPeriods.get(key),
  }));
  const bases = new Map(basesKeys.map((k, i): [string, ShuBasesChunk | undefined] => [k, valueAt(monthKeys.length + i) as ShuBasesChunk | undefined]));
  const labelsAt = monthKeys.length + basesKeys.length;
  const labels = new Map(labelKeys.map((k, i): [string, MemberLabelChunk | undefined] => [k, valueAt(labelsAt + i) as MemberLabelChunk | undefined]));
  const members = memberIds.map((memberId) => ({ memberId, after: state.members.get(memberId) satisfies MemberRow | undefined }));

  const puts: ProjectionRow[] = [];
  const deletes: [string, string][] = [];
  const write = (t: string, changed: ReadonlyMap<string, unknown>): void => {
    for (const [k, v] of changed) {
      if (v === undefined) deletes.push([t, k]);
      else puts.push({ t, k, v });
    }
  };
  write(SHU_BASES, foldMemberMonths(bases, months));
  write(MEMBER_LABELS, foldMemberLabels(labels, members));
  return { puts, deletes };
}
