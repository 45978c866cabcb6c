/**
 * Members' numbers and names kept in column chunks (member-chunks.ts): what a report needs to label
 * 5 000 members ("A-001 Siti Aminah") from 32 stored rows instead of 5 000 full member rows (joins,
 * edits, savings, wajib by month). Kept from the member rows a fold writes: a member with a profile
 * (a live join) is in its chunk with the profile's number and name, any other member is not.
 * Canonical like the SHU bases: ids ascending, an empty chunk not stored.
 */
import type { MemberRow } from '../ledger/rows.ts';
import { chunkText, findMember, memberChunkOf, withCell, withoutCell } from './member-chunks.ts';

export type MemberLabelChunk = {
  readonly chunk: number;
  /** Ascending. */
  readonly memberIds: readonly string[];
  readonly numbers: readonly string[];
  readonly names: readonly string[];
};

/** The stored key of a member's label chunk. */
export const memberLabelsKeyOf = (memberId: string): string => chunkText(memberChunkOf(memberId));

/** A member row as a fold left it (undefined: no row). */
export type MemberRowChange = { readonly memberId: string; readonly after: MemberRow | undefined };

function labelled(
  chunk: MemberLabelChunk | undefined,
  memberId: string,
  profile: { readonly number: string; readonly name: string } | null,
): MemberLabelChunk | undefined {
  const base: MemberLabelChunk = chunk ?? { chunk: memberChunkOf(memberId), memberIds: [], numbers: [], names: [] };
  const { index, found } = findMember(base.memberIds, memberId);
  if (profile === null) {
    if (!found) return chunk;
    if (base.memberIds.length === 1) return undefined;
    return { ...base, memberIds: withoutCell(base.memberIds, index), numbers: withoutCell(base.numbers, index), names: withoutCell(base.names, index) };
  }
  if (found && base.numbers[index] === profile.number && base.names[index] === profile.name) return chunk;
  return {
    ...base,
    memberIds: found ? base.memberIds : withCell(base.memberIds, index, memberId, false),
    numbers: withCell(base.numbers, index, profile.number, found),
    names: withCell(base.names, index, profile.name, found),
  };
}

/**
 * Folds member rows written by a fold into their label chunks. `stored`: the chunks as stored, by
 * key, for every key `memberLabelsKeyOf` gives for the changes. Returns only the chunks that
 * changed (undefined: delete it) — a deposit touches its member's row but rarely its label.
 */
export function foldMemberLabels(
  stored: ReadonlyMap<string, MemberLabelChunk | undefined>,
  changes: Iterable<MemberRowChange>,
): Map<string, MemberLabelChunk | undefined> {
  const changed = new Map<string, MemberLabelChunk | undefined>();
  for (const change of changes) {
    const key = memberLabelsKeyOf(change.memberId);
    const current = changed.has(key) ? changed.get(key) : stored.get(key);
    const next = labelled(current, change.memberId, change.after?.profile ?? null);
    if (next !== current) changed.set(key, next);
  }
  return changed;
}

/** Every label chunk of a ledger's member rows (a rebuild; the reference the folds must equal). */
export function memberLabelsOfMembers(members: Iterable<MemberRow>): Map<string, MemberLabelChunk> {
  const columns = new Map<string, { chunk: number; memberIds: string[]; numbers: string[]; names: string[] }>();
  const sorted = [...members].filter((row) => row.profile !== null).sort((a, b) => (a.memberId < b.memberId ? -1 : a.memberId > b.memberId ? 1 : 0));
  for (const row of sorted) {
    if (row.profile === null) continue;
    const key = memberLabelsKeyOf(row.memberId);
    let chunk = columns.get(key);
    if (chunk === undefined) columns.set(key, (chunk = { chunk: memberChunkOf(row.memberId), memberIds: [], numbers: [], names: [] }));
    chunk.memberIds.push(row.memberId);
    chunk.numbers.push(row.profile.number);
    chunk.names.push(row.profile.name);
  }
  return columns;
}

/** "A-001 Siti Aminah" by member id, as `memberLabel` words it from a member row's profile. */
export function labelsFromChunks(chunks: Iterable<MemberLabelChunk>): Map<string, string> {
  const labels = new Map<string, string>();
  for (const chunk of chunks) {
    chunk.memberIds.forEach((memberId, i) => labels.set(memberId, `${chunk.numbers[i] ?? ''} ${chunk.names[i] ?? ''}`));
  }
  return labels;
}
