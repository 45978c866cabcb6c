/**
 * Pull cursors as the ledger understands them, for one purpose: telling whether a `member.updated`
 * was made after its device had seen another device's edit (its `seenCursor`, CONTRACT §3).
 *
 * The cursor is opaque to clients (CONTRACT §7); the server encodes its serverSeq with
 * `encodeCursor`. `decodeCursor` also accepts a bare decimal serverSeq and the empty string ("seen
 * nothing"), and answers null for anything else: an undecodable cursor cannot prove a conflict, so
 * it never raises one.
 */
import { base64urlDecode, base64urlEncode } from '../base64url.ts';

export function encodeCursor(serverSeq: number): string {
  return base64urlEncode(new TextEncoder().encode(String(serverSeq)));
}

const DIGITS = /^(0|[1-9]\d{0,15})$/;

export function decodeCursor(cursor: string): number | null {
  if (cursor === '') return 0;
  if (DIGITS.test(cursor)) return safe(Number(cursor));
  const bytes = base64urlDecode(cursor);
  if (bytes === undefined) return null;
  const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
  return DIGITS.test(text) ? safe(Number(text)) : null;
}

function safe(n: number): number | null {
  return Number.isSafeInteger(n) ? n : null;
}
