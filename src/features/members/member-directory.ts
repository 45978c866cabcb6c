/**
 * The member list's search, in memory: built once from every member row when the list opens (and
 * again when a member changes), then each keystroke is a binary search over sorted keys with no
 * IndexedDB round trip and no React suspense — the list can repaint in the frame of the keystroke.
 *
 * Same matching as db/queries.ts `searchMembers`: a member matches when a word of their name (or
 * the whole name, so "siti a" works) starts with the typed text, case-insensitively, or their
 * number does; name matches come first in name order, then number matches in number order. Only
 * what a row shows is kept (not the savings history of each member), so 5 000 members cost a few
 * hundred kilobytes.
 */
import { searchWords, sortKeyOfName } from '../../db/projection-row.ts';
import { lowerBound } from '../../domain/lower-bound.ts';
import type { MemberRow, MemberStatus } from '../../domain/ledger/index.ts';
import { rupiah, type Rupiah } from '../../domain/money.ts';

/** What one row of the member list shows. */
export type MemberListing = {
  readonly memberId: string;
  readonly number: string;
  readonly name: string;
  readonly status: MemberStatus;
  readonly savings: Rupiah;
};

export type MemberDirectory = {
  /** Every member with a profile, in name order (ties by member id, as the `sortName` index). */
  readonly members: readonly MemberListing[];
  /** Every search word of every name, sorted; `wordOwner[i]` is the position in `members` of `words[i]`'s member. */
  readonly words: readonly string[];
  readonly wordOwner: Int32Array;
  /** Upper-cased numbers, sorted; `numberOwner[i]` as above. */
  readonly numbers: readonly string[];
  readonly numberOwner: Int32Array;
};

export const totalSavings = (member: MemberRow): Rupiah =>
  rupiah(member.savings.pokok + member.savings.wajib + member.savings.sukarela);

const compareKeys = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

const numberKey = (number: string): string => number.trim().toLocaleUpperCase('id');

/** Sorted keys and, beside them, which member each belongs to. */
function sortedKeys(pairs: [string, number][]): { keys: string[]; owners: Int32Array } {
  pairs.sort((a, b) => compareKeys(a[0], b[0]) || a[1] - b[1]);
  return { keys: pairs.map((p) => p[0]), owners: Int32Array.from(pairs, (p) => p[1]) };
}

export function buildDirectory(rows: readonly MemberRow[]): MemberDirectory {
  const named = rows
    .flatMap((row) => (row.profile === null ? [] : [{ row, profile: row.profile, sortName: sortKeyOfName(row.profile.name) }]))
    .sort((a, b) => compareKeys(a.sortName, b.sortName) || compareKeys(a.row.memberId, b.row.memberId));
  const wordPairs: [string, number][] = [];
  const numberPairs: [string, number][] = [];
  const members = named.map(({ row, profile }, position): MemberListing => {
    for (const word of searchWords(profile.name)) wordPairs.push([word, position]);
    numberPairs.push([numberKey(profile.number), position]);
    return { memberId: row.memberId, number: profile.number, name: profile.name, status: row.status, savings: totalSavings(row) };
  });
  const words = sortedKeys(wordPairs);
  const numbers = sortedKeys(numberPairs);
  return { members, words: words.keys, wordOwner: words.owners, numbers: numbers.keys, numberOwner: numbers.owners };
}

/** Marks the owner of every key starting with `prefix`; calls `found` the first time an owner is marked. */
function markPrefix(keys: readonly string[], owners: Int32Array, prefix: string, marked: Uint8Array, found: (owner: number) => void): void {
  for (let i = lowerBound(keys, prefix); i < keys.length && (keys[i] ?? '').startsWith(prefix); i++) {
    const owner = owners[i] ?? -1;
    if (owner < 0 || marked[owner] === 1) continue;
    marked[owner] = 1;
    found(owner);
  }
}

/** Members matching `text`, in the order the list shows them; every member for an empty text. */
export function searchDirectory(directory: MemberDirectory, text: string): readonly MemberListing[] {
  const query = sortKeyOfName(text);
  if (query === '') return directory.members;
  const marked = new Uint8Array(directory.members.length);
  const byName: number[] = [];
  markPrefix(directory.words, directory.wordOwner, query, marked, (owner) => byName.push(owner));
  byName.sort((a, b) => a - b);
  const byNumber: number[] = [];
  markPrefix(directory.numbers, directory.numberOwner, numberKey(text), marked, (owner) => byNumber.push(owner));
  // A plain loop into one array: a keystroke's garbage (an array per match with flatMap) is
  // collected on the main thread, in the keystroke's time.
  const found: MemberListing[] = [];
  for (const positions of [byName, byNumber]) {
    for (const position of positions) {
      const member = directory.members[position];
      if (member !== undefined) found.push(member);
    }
  }
  return found;
}
