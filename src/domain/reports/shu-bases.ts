/**
 * The members' SHU bases kept per year in column chunks (member-chunks.ts), so the SHU of a year
 * reads a few hundred rows instead of every member row and every member month of the year on.
 *
 * A chunk of year Y holds, for each of its members, what Y's member months (`m|Y-MM|memberId`)
 * sum to: capital moved (pokok + wajib) and patronage (loan interest + purchases). So
 * capital at 31 December of Y = Σ of the chunks of every year ≤ Y, and patronage = Y's chunks —
 * the same bases `shuReport` takes from the member rows and months (shu.ts), proved equal on random
 * ledgers in tests/unit/shu-bases.test.ts.
 *
 * Kept incrementally: a change of a member month (its row before and after a fold) adds the
 * difference to its chunk. Canonical, so that chunks kept by folds equal chunks rebuilt from the
 * months: ids ascending, a member whose two sums are both 0 left out, an empty chunk not stored.
 */
import type { MemberId } from '../ids.ts';
import type { MemberPeriodRow } from '../ledger/rows.ts';
import { rupiah } from '../money.ts';
import type { MemberBasis } from '../shu.ts';
import { chunkText, findMember, memberChunkOf, withCell, withoutCell } from './member-chunks.ts';

/** One year's bases of one chunk's members, as parallel columns. */
export type ShuBasesChunk = {
  readonly year: number;
  readonly chunk: number;
  /** Ascending. */
  readonly memberIds: readonly string[];
  /** pokok + wajib moved in the year by memberIds[i] (integer rupiah, may be negative). */
  readonly capital: readonly number[];
  /** Loan interest paid + purchases in the year by memberIds[i]. */
  readonly patronage: readonly number[];
};

const yearText = (year: number): string => String(year).padStart(4, '0');

/** The stored key of a chunk: `2025|07` (years and chunks sort as numbers). */
export const shuBasesKey = (year: number, chunk: number): string => `${yearText(year)}|${chunkText(chunk)}`;

/** The keys of every chunk of every year up to `year`: what the SHU of `year` reads. */
export const shuBasesThrough = (year: number): { readonly from: string; readonly below: string } => ({ from: '', below: yearText(year + 1) });

/** A member month row as it was before a fold and is after it (undefined: no row). */
export type MemberMonthChange = {
  readonly key: string;
  readonly before: MemberPeriodRow | undefined;
  readonly after: MemberPeriodRow | undefined;
};

/** Year and member of a member month key `m|YYYY-MM|memberId`; undefined for any other key. */
function monthKeyParts(key: string): { year: number; memberId: string } | undefined {
  if (!key.startsWith('m|') || key.charAt(9) !== '|') return undefined;
  const year = Number(key.slice(2, 6));
  return Number.isInteger(year) ? { year, memberId: key.slice(10) } : undefined;
}

/** The chunk a member month key lands in, or undefined for a key that is not a member month. */
export function shuBasesKeyOfMonth(monthKey: string): string | undefined {
  const parts = monthKeyParts(monthKey);
  return parts === undefined ? undefined : shuBasesKey(parts.year, memberChunkOf(parts.memberId));
}

const capitalOf = (row: MemberPeriodRow | undefined): number => (row === undefined ? 0 : row.pokok + row.wajib);
const patronageOf = (row: MemberPeriodRow | undefined): number => (row === undefined ? 0 : row.interest + row.purchases);

/** `chunk` with `capital` and `patronage` added to the member's sums (undefined: the chunk is empty now). */
function addToChunk(
  chunk: ShuBasesChunk | undefined,
  year: number,
  memberId: string,
  capital: number,
  patronage: number,
): ShuBasesChunk | undefined {
  const base: ShuBasesChunk = chunk ?? { year, chunk: memberChunkOf(memberId), memberIds: [], capital: [], patronage: [] };
  const { index, found } = findMember(base.memberIds, memberId);
  const newCapital = (found ? (base.capital[index] ?? 0) : 0) + capital;
  const newPatronage = (found ? (base.patronage[index] ?? 0) : 0) + patronage;
  if (newCapital === 0 && newPatronage === 0) {
    if (!found) return chunk;
    if (base.memberIds.length === 1) return undefined;
    return { ...base, memberIds: withoutCell(base.memberIds, index), capital: withoutCell(base.capital, index), patronage: withoutCell(base.patronage, index) };
  }
  return {
    ...base,
    memberIds: found ? base.memberIds : withCell(base.memberIds, index, memberId, false),
    capital: withCell(base.capital, index, newCapital, found),
    patronage: withCell(base.patronage, index, newPatronage, found),
  };
}

/**
 * Folds member month changes into the chunks they land in. `stored`: the chunks as stored, by key
 * (a key absent or undefined: no chunk stored); every key `shuBasesKeyOfMonth` gives for the
 * changes must be there. Returns only the chunks that changed (undefined: delete it).
 */
export function foldMemberMonths(
  stored: ReadonlyMap<string, ShuBasesChunk | undefined>,
  changes: Iterable<MemberMonthChange>,
): Map<string, ShuBasesChunk | undefined> {
  const changed = new Map<string, ShuBasesChunk | undefined>();
  for (const change of changes) {
    const parts = monthKeyParts(change.key);
    if (parts === undefined) continue;
    const capital = capitalOf(change.after) - capitalOf(change.before);
    const patronage = patronageOf(change.after) - patronageOf(change.before);
    if (capital === 0 && patronage === 0) continue;
    const key = shuBasesKey(parts.year, memberChunkOf(parts.memberId));
    const current = changed.has(key) ? changed.get(key) : stored.get(key);
    changed.set(key, addToChunk(current, parts.year, parts.memberId, capital, patronage));
  }
  return changed;
}

/** Every chunk of a ledger's member months (a rebuild; the reference the folds must equal). */
export function shuBasesOfMonths(months: Iterable<MemberPeriodRow>): Map<string, ShuBasesChunk> {
  const sums = new Map<string, Map<string, { capital: number; patronage: number }>>();
  for (const row of months) {
    const key = shuBasesKeyOfMonth(row.key);
    if (key === undefined) continue;
    let members = sums.get(key);
    if (members === undefined) sums.set(key, (members = new Map<string, { capital: number; patronage: number }>()));
    const sum = members.get(row.memberId) ?? { capital: 0, patronage: 0 };
    sum.capital += capitalOf(row);
    sum.patronage += patronageOf(row);
    members.set(row.memberId, sum);
  }
  const chunks = new Map<string, ShuBasesChunk>();
  for (const [key, members] of sums) {
    const ids = [...members.keys()].filter((id) => members.get(id)?.capital !== 0 || members.get(id)?.patronage !== 0).sort();
    if (ids.length === 0) continue;
    const year = Number(key.slice(0, 4));
    chunks.set(key, {
      year,
      chunk: Number(key.slice(5)),
      memberIds: ids,
      capital: ids.map((id) => members.get(id)?.capital ?? 0),
      patronage: ids.map((id) => members.get(id)?.patronage ?? 0),
    });
  }
  return chunks;
}

/**
 * The SHU bases of `year` from the chunks of every year up to it (later years' chunks are ignored):
 * capital = Σ capital moved up to 31 December, patronage = that year's. A member with both 0 has no basis.
 */
export function memberBasesFromChunks(chunks: Iterable<ShuBasesChunk>, year: number): MemberBasis[] {
  const capital = new Map<string, number>();
  const patronage = new Map<string, number>();
  for (const chunk of chunks) {
    if (chunk.year > year) continue;
    const thisYear = chunk.year === year;
    chunk.memberIds.forEach((memberId, i) => {
      const moved = chunk.capital[i] ?? 0;
      if (moved !== 0) capital.set(memberId, (capital.get(memberId) ?? 0) + moved);
      const used = thisYear ? (chunk.patronage[i] ?? 0) : 0;
      if (used !== 0) patronage.set(memberId, used);
    });
  }
  return basesOfSums(capital, patronage);
}

/** Member bases from capital and patronage sums by member id; a member with both 0 has none. */
export function basesOfSums(capital: ReadonlyMap<string, number>, patronage: ReadonlyMap<string, number>): MemberBasis[] {
  const bases: MemberBasis[] = [];
  for (const memberId of new Set([...capital.keys(), ...patronage.keys()])) {
    const capitalBasis = capital.get(memberId) ?? 0;
    const patronageBasis = patronage.get(memberId) ?? 0;
    if (capitalBasis === 0 && patronageBasis === 0) continue;
    bases.push({ memberId: memberId as MemberId, capitalBasis: rupiah(capitalBasis), patronageBasis: rupiah(patronageBasis) });
  }
  return bases;
}
