/**
 * Members grouped into a fixed number of chunks, for read models kept as column rows (one stored
 * row per chunk holding its members as parallel columns). Reading a stored row costs about the same
 * whatever it holds (~20 µs at a phone's speed, docs/performance.md §2), so 5 000 members in 32
 * rows read ~150 times faster than 5 000 rows; a save rewrites the one chunk row of its member.
 *
 * The chunk of a member is a hash of its id, so it never changes and needs no index: any phone and
 * any later code put a member in the same chunk. 32 chunks keep a chunk at ~160 members for the
 * 5 000 of a busy cooperative (≤ 256 up to ~8 000 members).
 */
import { lowerBound } from '../lower-bound.ts';

export const MEMBER_CHUNKS = 32;

/** 0 … MEMBER_CHUNKS − 1: FNV-1a (32-bit) of the id's UTF-16 code units. */
export function memberChunkOf(memberId: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < memberId.length; i++) {
    hash ^= memberId.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash % MEMBER_CHUNKS;
}

/** Two digits, so chunk keys sort in chunk order. */
export const chunkText = (chunk: number): string => (chunk < 10 ? `0${String(chunk)}` : String(chunk));

/**
 * Where `memberId` is, or would be inserted, in ascending `ids` (JavaScript string order, the same
 * order on every runtime): `found` says whether it is there.
 */
export function findMember(ids: readonly string[], memberId: string): { index: number; found: boolean } {
  const index = lowerBound(ids, memberId);
  return { index, found: ids[index] === memberId };
}

/** A copy of `column` with `value` put at `index` (`replace`: over the element there, else inserted). */
export function withCell<T>(column: readonly T[], index: number, value: T, replace: boolean): T[] {
  const copy = column.slice();
  copy.splice(index, replace ? 1 : 0, value);
  return copy;
}

/** A copy of `column` without the element at `index`. */
export function withoutCell<T>(column: readonly T[], index: number): T[] {
  const copy = column.slice();
  copy.splice(index, 1);
  return copy;
}
