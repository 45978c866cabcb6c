/**
 * Pull cursors. The cursor is opaque to clients (CONTRACT §7); inside, ours is base64url of
 * `<serverSeq>.<mark>`, where the mark is the cooperative's **chain mark** at that serverSeq: 12 hex
 * digits that follow every accepted entry from the first, `mark(n) = sha256(mark(n−1) ‖ hash(n))`
 * as bytes, cut to 12 digits, `mark(0)` the empty string. The server keeps each entry's mark beside it.
 *
 * Why: after the district server is restored from an older backup it hands out serverSeqs again
 * from the backup's last number. A phone's cursor past that number would be answered "nothing new"
 * while other phones' new entries take the old numbers, or would resume in the middle of them. A
 * mark of the entry at the cursor alone is not enough — that very entry can be sent again and land
 * on its old number while another entry took a number below it (found by review) — so the mark
 * covers every entry up to the cursor: a cursor holds only where the server's history up to it is
 * the one the phone pulled (docs/sync.md, "A server restored from an older backup").
 *
 * The phone extends a mark itself when it moves its cursor over its own just-acknowledged entries
 * (src/sync/pull-skip.ts): it knows their hashes. 48 bits are ample to tell two histories apart by
 * accident; nothing here defends against a hostile server, which could send anything anyway.
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
import { sha256HexSync } from '../sha256.ts';

/** How many hex digits a chain mark keeps. */
export const CHAIN_MARK_LENGTH = 12;

/** The chain mark before the first entry. */
export const GENESIS_MARK = '';

export type PullCursor = {
  readonly serverSeq: number;
  /** The chain mark at `serverSeq`; null in cursors without one (older servers, and position 0). */
  readonly mark: string | null;
};

const utf8 = new TextEncoder();

/**
 * The chain mark after the entry with hash `entryHash`, which follows the mark `previous`: the
 * SHA-256 of the two as bytes (6 + 32, one block of the hash: the server computes one per entry it
 * stores, on the thread every push waits for), cut to 12 hex digits.
 */
export function nextChainMark(previous: string, entryHash: string): string {
  const hex = previous + entryHash;
  const bytes = new Uint8Array(hex.length >> 1);
  for (let i = 0; i < bytes.length; i++) bytes[i] = (nibble(hex.charCodeAt(2 * i)) << 4) | nibble(hex.charCodeAt(2 * i + 1));
  return sha256HexSync(bytes).slice(0, CHAIN_MARK_LENGTH);
}

/** 0–15 for a lowercase hex digit; marks and entry hashes are lowercase hex (checked where they enter). */
function nibble(code: number): number {
  return code <= 57 ? code - 48 : code - 87;
}

/** The cursor just after the entry at `serverSeq`, carrying the chain mark there (none at 0). */
export function encodeCursor(serverSeq: number, mark: string | null = null): string {
  const text = mark === null || serverSeq === 0 ? String(serverSeq) : `${String(serverSeq)}.${mark}`;
  return base64urlEncode(utf8.encode(text));
}

/** The position alone, as a cursor: what a `seenCursor` needs, and what any reader can decode. */
export function positionOnly(cursor: string): string {
  const position = decodeCursor(cursor);
  return position === null ? cursor : encodeCursor(position);
}

const DIGITS = /^(0|[1-9]\d{0,15})$/;
const MARKED = new RegExp(`^(0|[1-9]\\d{0,15})\\.([0-9a-f]{${String(CHAIN_MARK_LENGTH)}})$`);

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
  // Position 0 is before every entry: its mark is the empty one, never written.
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
