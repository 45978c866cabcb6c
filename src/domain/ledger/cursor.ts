/**
 * Pull cursors. The cursor is opaque to clients (CONTRACT §7); inside, ours is base64url of
 * `<serverSeq>.<mark>`, where the mark is the first 12 hex digits of the hash of the entry at that
 * serverSeq. The mark is what lets a server restored from an older backup notice that a phone's
 * cursor names a position whose entry is no longer the one the phone pulled: serverSeqs are handed
 * out again from the backup's last number, so the number alone would silently skip the new entries
 * that take the old numbers (docs/sync.md, "A server restored from an older backup").
 *
 * Two readers:
 * - the server's pull and push check a cursor's position and mark (`parseCursor`);
 * - the ledger tells whether a `member.updated` was made after its device had seen another device's
 *   edit (its `seenCursor`, CONTRACT §3), from the position alone (`decodeCursor`).
 * Both also accept what older servers and phones wrote: a bare decimal serverSeq, the base64url of
 * one without a mark, and the empty string ("seen nothing"). Anything else is null: an undecodable
 * cursor cannot prove a conflict, so it never raises one.
 */
import { base64urlDecode, base64urlEncode } from '../base64url.ts';

/** How many hex digits of the entry's hash a cursor carries: 48 bits, ample to tell two entries apart. */
export const CURSOR_MARK_LENGTH = 12;

export type PullCursor = {
  readonly serverSeq: number;
  /** The start of the hash of the entry at `serverSeq`; null in cursors written before marks (and at 0). */
  readonly mark: string | null;
};

/** The mark a cursor at an entry with this hash carries. */
export const cursorMark = (hash: string): string => hash.slice(0, CURSOR_MARK_LENGTH);

/** The cursor just after the entry at `serverSeq`; `hash` is that entry's hash (none at 0). */
export function encodeCursor(serverSeq: number, hash: string | null = null): string {
  const text = hash === null || serverSeq === 0 ? String(serverSeq) : `${String(serverSeq)}.${cursorMark(hash)}`;
  return base64urlEncode(new TextEncoder().encode(text));
}

const DIGITS = /^(0|[1-9]\d{0,15})$/;
const MARKED = new RegExp(`^(0|[1-9]\\d{0,15})\\.([0-9a-f]{${String(CURSOR_MARK_LENGTH)}})$`);

export function parseCursor(cursor: string): PullCursor | null {
  if (cursor === '') return { serverSeq: 0, mark: null };
  const plain = unmarked(cursor);
  if (plain !== null) return plain;
  const bytes = base64urlDecode(cursor);
  if (bytes === undefined) return null;
  const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
  const inner = unmarked(text);
  if (inner !== null) return inner;
  const marked = MARKED.exec(text);
  if (marked === null) return null;
  const serverSeq = safe(Number(marked[1]));
  const mark = marked[2];
  // A mark names an entry; position 0 is before every entry and has none.
  return serverSeq === null || serverSeq === 0 || mark === undefined ? null : { serverSeq, mark };
}

/** The position alone (see the module comment for who needs only that). */
export function decodeCursor(cursor: string): number | null {
  return parseCursor(cursor)?.serverSeq ?? null;
}

function unmarked(text: string): PullCursor | null {
  if (!DIGITS.test(text)) return null;
  const serverSeq = safe(Number(text));
  return serverSeq === null ? null : { serverSeq, mark: null };
}

function safe(n: number): number | null {
  return Number.isSafeInteger(n) ? n : null;
}
