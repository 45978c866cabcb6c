/**
 * Making an entry on the device: build the unsigned entry (envelope + derived lines, `v: 1`), then
 * hash and sign the same canonical bytes (CONTRACT §2).
 */
import { canonicalJson } from '../canonical-json.ts';
import { newEntryId } from '../ids.ts';
import { utf8 } from '../hashing.ts';
import { sha256HexSync } from '../sha256.ts';
import { signBytes, type DeviceKey } from '../signing.ts';
import { deriveLines, type EntryBody } from './lines.ts';
import { ENTRY_FORMAT_VERSION, entryDataSchemas, type Entry, type JournalLine, type UnsignedEntry } from './schema.ts';

export type BuildEntryInput = EntryBody & {
  cooperativeId: string;
  deviceId: string;
  seq: number;
  /** The hash of this device's entry seq−1, or ZERO_HASH for seq 1. */
  prevHash: string;
  /** Device clock, ISO-8601 UTC with ms: a claim, never used for ordering. */
  recordedAt: string;
  /** Business date YYYY-MM-DD (Asia/Jakarta) the treasurer chose. */
  date: string;
  actor: string;
  /** Defaults to a fresh UUIDv7; pass one to re-issue an existing entry under new ids. */
  id?: string;
  /** The reversed entry's lines; required for `entry.reversed`. */
  original?: readonly JournalLine[];
};

export class EntryBuildError extends Error {
  override readonly name = 'EntryBuildError';
  constructor(
    message: string,
    readonly issues: unknown,
  ) {
    super(message);
  }
}

/**
 * The unsigned entry with its derived lines. Throws EntryBuildError when `data` does not fit its
 * type's schema (a form bug: the UI validates first), MissingOriginalError for a reversal without
 * the original's lines. The envelope is checked by the full schema after signing (see db/append).
 */
export function buildUnsignedEntry(input: BuildEntryInput): UnsignedEntry {
  const check = entryDataSchemas[input.type].safeParse(input.data);
  if (!check.success) throw new EntryBuildError(`invalid ${input.type} data`, check.error.issues);
  const lines = deriveLines(input, input.original);
  // Ids and amounts are branded by the schema at every receiver; here the caller's values are
  // carried unchanged so that the bytes signed are the bytes the caller built.
  const unsigned = {
    v: ENTRY_FORMAT_VERSION,
    id: input.id ?? newEntryId(),
    cooperativeId: input.cooperativeId,
    deviceId: input.deviceId,
    seq: input.seq,
    prevHash: input.prevHash,
    recordedAt: input.recordedAt,
    date: input.date,
    actor: input.actor,
    type: input.type,
    data: input.data,
    lines,
  };
  return unsigned as UnsignedEntry;
}

/** Hash, then signature, both over the canonical JSON of the entry without hash and sig. */
export async function signEntry(unsigned: UnsignedEntry, privateKey: DeviceKey): Promise<Entry> {
  const bytes = utf8(canonicalJson(unsigned));
  const hash = sha256HexSync(bytes);
  const sig = await signBytes(privateKey, bytes);
  return { ...unsigned, hash, sig };
}
