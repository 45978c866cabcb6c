/**
 * The SHU read model: every member's SHU bases per year and label, kept in 32 column chunks
 * (member-chunks.ts), so the SHU of a year reads 32 rows instead of every member row and every
 * member month from January of the year on (~25 000 rows for 5 000 members).
 *
 * A chunk holds its members once (ids, number and name), and per year two columns aligned with
 * them: what that year's member months (`m|Y-MM|memberId`) sum to — capital moved (pokok + wajib)
 * and patronage (loan interest + purchases). So capital at 31 December of Y = Σ of the capital
 * columns of every year ≤ Y, and patronage = Y's column — the bases `shuReport` takes from the
 * member rows and months (shu.ts), proved equal on random ledgers (tests/unit/shu-chunks.test.ts).
 * One row per chunk rather than one per chunk and year: five years of 5 000 member ids stored once
 * instead of five times (a row's cost to read grows with the strings in it, docs/performance.md §2).
 *
 * Kept incrementally: a member month's change (its row before and after a fold) adds the
 * difference to its member's cell; a member row written by a fold sets the label. Canonical, so a
 * chunk kept by folds equals the chunk rebuilt from the ledger: ids ascending; a member with no
 * label and no non-zero cell left out; a year with no non-zero cell left out; an empty chunk not stored.
 */
import type { MemberId } from '../ids.ts';
import type { MemberPeriodRow, MemberRow } from '../ledger/rows.ts';
import { rupiah } from '../money.ts';
import type { MemberBasis } from '../shu.ts';
import { chunkText, findMember, memberChunkOf } from './member-chunks.ts';

export type ShuChunk = {
  readonly chunk: number;
  /** Ascending. */
  readonly memberIds: readonly string[];
  /** The member's number and name (its profile), or null for a member id without a live join. */
  readonly numbers: readonly (string | null)[];
  readonly names: readonly (string | null)[];
  /** Ascending; `capital[y]` and `patronage[y]` are the columns of `years[y]`. */
  readonly years: readonly number[];
  /** pokok + wajib moved in the year by memberIds[i] (integer rupiah, may be negative). */
  readonly capital: readonly (readonly number[])[];
  /** Loan interest paid + purchases in the year by memberIds[i]. */
  readonly patronage: readonly (readonly number[])[];
};

/** The stored key of a member's chunk. */
export const shuChunkKeyOf = (memberId: string): string => chunkText(memberChunkOf(memberId));

/** A member month row as it was before a fold and is after it (undefined: no row). */
export type MemberMonthChange = {
  readonly key: string;
  readonly before: MemberPeriodRow | undefined;
  readonly after: MemberPeriodRow | undefined;
};

/** A member row as a fold left it (undefined: no row). */
export type MemberRowChange = { readonly memberId: string; readonly after: MemberRow | undefined };

/** Year and member of a member month key `m|YYYY-MM|memberId`; undefined for any other key. */
export function monthKeyParts(key: string): { year: number; memberId: string } | undefined {
  if (!key.startsWith('m|') || key.charAt(9) !== '|') return undefined;
  const year = Number(key.slice(2, 6));
  return Number.isInteger(year) ? { year, memberId: key.slice(10) } : undefined;
}

const capitalOf = (row: MemberPeriodRow | undefined): number => (row === undefined ? 0 : row.pokok + row.wajib);
const patronageOf = (row: MemberPeriodRow | undefined): number => (row === undefined ? 0 : row.interest + row.purchases);

/** A chunk being changed: its own copies of the columns, made canonical again by `done`. */
class ChunkEdit {
  private readonly memberIds: string[];
  private readonly numbers: (string | null)[];
  private readonly names: (string | null)[];
  private readonly years: number[];
  private readonly capital: number[][];
  private readonly patronage: number[][];

  constructor(
    private readonly chunk: number,
    from: ShuChunk | undefined,
  ) {
    this.memberIds = from === undefined ? [] : [...from.memberIds];
    this.numbers = from === undefined ? [] : [...from.numbers];
    this.names = from === undefined ? [] : [...from.names];
    this.years = from === undefined ? [] : [...from.years];
    this.capital = from === undefined ? [] : from.capital.map((column) => [...column]);
    this.patronage = from === undefined ? [] : from.patronage.map((column) => [...column]);
  }

  /** The member's index, inserted (no label, zero cells) when absent. */
  private indexOf(memberId: string): number {
    const { index, found } = findMember(this.memberIds, memberId);
    if (!found) {
      this.memberIds.splice(index, 0, memberId);
      this.numbers.splice(index, 0, null);
      this.names.splice(index, 0, null);
      for (const column of this.capital) column.splice(index, 0, 0);
      for (const column of this.patronage) column.splice(index, 0, 0);
    }
    return index;
  }

  /** The year's index, inserted (zero columns) when absent. */
  private yearIndexOf(year: number): number {
    let at = 0;
    while (at < this.years.length && (this.years[at] ?? 0) < year) at++;
    if (this.years[at] !== year) {
      this.years.splice(at, 0, year);
      this.capital.splice(at, 0, new Array<number>(this.memberIds.length).fill(0));
      this.patronage.splice(at, 0, new Array<number>(this.memberIds.length).fill(0));
    }
    return at;
  }

  label(memberId: string, profile: { readonly number: string; readonly name: string } | null): void {
    const i = this.indexOf(memberId);
    this.numbers[i] = profile?.number ?? null;
    this.names[i] = profile?.name ?? null;
  }

  add(year: number, memberId: string, capital: number, patronage: number): void {
    const i = this.indexOf(memberId);
    const y = this.yearIndexOf(year);
    const capitalColumn = this.capital[y];
    const patronageColumn = this.patronage[y];
    if (capitalColumn === undefined || patronageColumn === undefined) throw new Error(`no column for ${String(year)}`);
    capitalColumn[i] = (capitalColumn[i] ?? 0) + capital;
    patronageColumn[i] = (patronageColumn[i] ?? 0) + patronage;
  }

  /** The canonical chunk: members with nothing and years with nothing dropped; undefined when empty. */
  done(): ShuChunk | undefined {
    const keepYear = this.years.map((_, y) => (this.capital[y] ?? []).some((v) => v !== 0) || (this.patronage[y] ?? []).some((v) => v !== 0));
    const capital = this.capital.filter((_, y) => keepYear[y]);
    const patronage = this.patronage.filter((_, y) => keepYear[y]);
    const keep = this.memberIds.map((_, i) => this.numbers[i] !== null || capital.some((column) => column[i] !== 0) || patronage.some((column) => column[i] !== 0));
    if (!keep.includes(true)) return undefined;
    const kept = <T>(column: readonly T[]): T[] => column.filter((_, i) => keep[i]);
    return {
      chunk: this.chunk,
      memberIds: kept(this.memberIds),
      numbers: kept(this.numbers),
      names: kept(this.names),
      years: this.years.filter((_, y) => keepYear[y]),
      capital: capital.map(kept),
      patronage: patronage.map(kept),
    };
  }
}

/**
 * Folds a fold's member month and member row changes into the chunks they land in. `stored`: the
 * chunks as stored, by key, for every key `shuChunkKeyOf` gives for the changes (absent or
 * undefined: none stored). Returns only the chunks that changed (undefined: delete it) — a deposit
 * changes a cell; its member row's label is usually the same and changes nothing.
 */
export function foldIntoShuChunks(
  stored: ReadonlyMap<string, ShuChunk | undefined>,
  months: Iterable<MemberMonthChange>,
  members: Iterable<MemberRowChange>,
): Map<string, ShuChunk | undefined> {
  const edits = new Map<string, ChunkEdit>();
  const editOf = (memberId: string): ChunkEdit => {
    const key = shuChunkKeyOf(memberId);
    let edit = edits.get(key);
    if (edit === undefined) edits.set(key, (edit = new ChunkEdit(memberChunkOf(memberId), stored.get(key))));
    return edit;
  };
  for (const change of months) {
    const parts = monthKeyParts(change.key);
    if (parts === undefined) continue;
    const capital = capitalOf(change.after) - capitalOf(change.before);
    const patronage = patronageOf(change.after) - patronageOf(change.before);
    if (capital !== 0 || patronage !== 0) editOf(parts.memberId).add(parts.year, parts.memberId, capital, patronage);
  }
  for (const change of members) {
    const profile = change.after?.profile ?? null;
    const chunk = stored.get(shuChunkKeyOf(change.memberId));
    const { index, found } = chunk === undefined ? { index: 0, found: false } : findMember(chunk.memberIds, change.memberId);
    const same = found ? chunk?.numbers[index] === (profile?.number ?? null) && chunk.names[index] === (profile?.name ?? null) : profile === null;
    if (!same || edits.has(shuChunkKeyOf(change.memberId))) editOf(change.memberId).label(change.memberId, profile);
  }
  const changed = new Map<string, ShuChunk | undefined>();
  for (const [key, edit] of edits) changed.set(key, edit.done());
  return changed;
}

/** Every chunk of a ledger (a rebuild; the reference the folds must equal). */
export function shuChunksOf(months: Iterable<MemberPeriodRow>, members: Iterable<MemberRow>): Map<string, ShuChunk> {
  const edits = new Map<string, ChunkEdit>();
  const editOf = (memberId: string): ChunkEdit => {
    const key = shuChunkKeyOf(memberId);
    let edit = edits.get(key);
    if (edit === undefined) edits.set(key, (edit = new ChunkEdit(memberChunkOf(memberId), undefined)));
    return edit;
  };
  for (const row of months) {
    const parts = monthKeyParts(row.key);
    const capital = capitalOf(row);
    const patronage = patronageOf(row);
    if (parts !== undefined && (capital !== 0 || patronage !== 0)) editOf(parts.memberId).add(parts.year, parts.memberId, capital, patronage);
  }
  for (const row of members) if (row.profile !== null) editOf(row.memberId).label(row.memberId, row.profile);
  const chunks = new Map<string, ShuChunk>();
  for (const [key, edit] of edits) {
    const chunk = edit.done();
    if (chunk !== undefined) chunks.set(key, chunk);
  }
  return chunks;
}

/**
 * The SHU bases of `year` from the chunks: capital = Σ capital moved in every year up to it,
 * patronage = that year's. A member with both 0 has no basis.
 */
export function memberBasesFromChunks(chunks: Iterable<ShuChunk>, year: number): MemberBasis[] {
  const bases: MemberBasis[] = [];
  for (const chunk of chunks) {
    const through = chunk.years.filter((y) => y <= year).length;
    const at = chunk.years.indexOf(year);
    chunk.memberIds.forEach((memberId, i) => {
      let capital = 0;
      for (let y = 0; y < through; y++) capital += chunk.capital[y]?.[i] ?? 0;
      const patronage = at < 0 ? 0 : (chunk.patronage[at]?.[i] ?? 0);
      if (capital !== 0 || patronage !== 0) bases.push({ memberId: memberId as MemberId, capitalBasis: rupiah(capital), patronageBasis: rupiah(patronage) });
    });
  }
  return bases;
}

/** "A-001 Siti Aminah" by member id, as `memberLabel` words it from a member row's profile. */
export function labelsFromChunks(chunks: Iterable<ShuChunk>): Map<string, string> {
  const labels = new Map<string, string>();
  for (const chunk of chunks) {
    chunk.memberIds.forEach((memberId, i) => {
      const number = chunk.numbers[i];
      const name = chunk.names[i];
      if (number != null && name != null) labels.set(memberId, `${number} ${name}`);
    });
  }
  return labels;
}
