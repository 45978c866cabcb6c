/**
 * The receiver's structural check of an entry (CONTRACT §2–3), shared by the server (on push and
 * import) and the phone (on pull, and on its own entries before they leave). It decides only
 * `valid` / `rejected` / `gap`; rule breaches that are facts (an overdrawn savings account, a
 * repayment beyond what is owed) are accepted and flagged elsewhere.
 *
 * Order of checks (the first failure wins): schema → cooperative/device → chain position →
 * hash → signature → prevHash → line shape and balance → reversal target (an `entry.reversed` needs
 * its original to derive lines) → derived lines → accounts → `account.added` rules.
 *
 * The entry is hashed as parsed, never re-serialised from a model: the schema is strict (no
 * unknown keys) and transforms nothing, so what was parsed is what was signed. Cost per entry:
 * one zod parse, one canonicalisation, one digest, one ECDSA verify.
 */
import { entrySigningBytes } from '../hashing.ts';
import { sha256HexSync } from '../sha256.ts';
import { verifyBytes, type DeviceKey } from '../signing.ts';
import { deriveLines, sameLines } from './lines.ts';
import type { RejectReason } from './reasons.ts';
import { entrySchema, ZERO_HASH, type AccountType, type Entry, type EntryType, type JournalLine } from './schema.ts';

export type ChainHead = { seq: number; hash: string };
export type ReversalInfo = { type: EntryType; lines: readonly JournalLine[]; reversedBy: string | undefined };
export type StructuralContext = {
  expectedCooperativeId: string;
  expectedDeviceId: string;
  devicePublicKey: DeviceKey;
  /** The device's last stored entry (accepted OR rejected): rejected entries keep their chain place. */
  previous: ChainHead | undefined;
  /** Default chart plus every `account.added` so far. */
  accountExists: (code: string) => boolean;
  /** Looks up an entry of the same cooperative, for `entry.reversed`. */
  findEntry: (id: string) => ReversalInfo | undefined;
  /**
   * Verifies the signature over the entry's canonical bytes (whose SHA-256 is `digest`). Defaults
   * to `verifyBytes` with `devicePublicKey`. A server checking a whole batch passes one that answers
   * from verifications it started for the batch at once, which run side by side on WebCrypto's
   * thread pool while this check goes on in order (server/entries/verify-pool.ts).
   */
  verifySignature?: (signature: string, bytes: Uint8Array, digest: string) => Promise<boolean>;
  /**
   * The signing bytes of the raw value being checked and their SHA-256 hex, when the caller has
   * them already: a server canonicalises a pushed batch up front to start its signature checks, and
   * hashes natively, so checking each entry need not canonicalise and hash it a second time in
   * JavaScript. Used only for the very object they were computed from (`of` is `raw`, by identity),
   * and only after the schema passed: the schema is strict and transforms nothing, so the raw value's
   * canonical form is exactly the parsed entry's.
   */
  signing?: PrecomputedSigning | undefined;
};
/** `canonicalJson` of `of` without `hash` and `sig`, as UTF-8 bytes, and their SHA-256 hex. */
export type PrecomputedSigning = { readonly of: unknown; readonly bytes: Uint8Array; readonly digest: string };
export type StructuralVerdict =
  | { status: 'valid'; entry: Entry }
  | { status: 'rejected'; reason: RejectReason; details?: unknown }
  | { status: 'gap'; expectedSeq: number };

export type SchemaIssue = { path: (string | number)[]; code: string; message: string };
export type ParseResult =
  | { ok: true; entry: Entry }
  | { ok: false; reason: RejectReason; details: { issues: SchemaIssue[] } };

/** Keys that hold rupiah; their schema issues get the precise money reason codes. */
const MONEY_KEYS = new Set(['amount', 'principal', 'adminFee', 'interest', 'fine', 'shu', 'capital', 'patronage', 'debit', 'credit']);
const MAX_ISSUES = 20;

type ZodIssueLike = { code: string; path: PropertyKey[]; message: string; expected?: unknown };

function reasonFor(issue: ZodIssueLike): RejectReason {
  const last = issue.path.at(-1);
  if (issue.path.length === 1 && issue.path[0] === 'type' && issue.code === 'invalid_union') return 'type-unknown';
  if (issue.code === 'custom' && issue.message === 'untrimmed') return 'text-untrimmed';
  if (typeof last === 'string' && MONEY_KEYS.has(last)) {
    if (issue.code === 'too_small') return 'amount-not-positive';
    if (issue.code === 'too_big') return 'amount-too-large';
    if (issue.code === 'invalid_type' && issue.expected === 'int') return 'amount-not-integer';
  }
  return 'schema-invalid';
}

function toIssue(issue: ZodIssueLike): SchemaIssue {
  return {
    path: issue.path.map((p) => (typeof p === 'number' ? p : String(p))),
    code: issue.code,
    message: issue.message,
  };
}

/** Schema only: the entry is well-formed, nothing more. The reason is that of the first issue. */
export function parseEntry(raw: unknown): ParseResult {
  const result = entrySchema.safeParse(raw);
  if (result.success) return { ok: true, entry: result.data };
  const issues = result.error.issues as ZodIssueLike[];
  const first = issues[0];
  return {
    ok: false,
    reason: first === undefined ? 'schema-invalid' : reasonFor(first),
    details: { issues: issues.slice(0, MAX_ISSUES).map(toIssue) },
  };
}

type LineFault = { reason: RejectReason; details: unknown } | undefined;

/** Each line has exactly one non-zero side and the sides balance (CONTRACT §2). */
function checkLineShape(lines: readonly JournalLine[]): LineFault {
  let debit = 0n;
  let credit = 0n;
  for (const [index, line] of lines.entries()) {
    if (line.debit === 0 && line.credit === 0) return { reason: 'line-zero', details: { index } };
    if (line.debit !== 0 && line.credit !== 0) return { reason: 'line-two-sided', details: { index } };
    debit += BigInt(line.debit);
    credit += BigInt(line.credit);
  }
  if (debit !== credit) return { reason: 'lines-unbalanced', details: { debit: debit.toString(), credit: credit.toString() } };
  return undefined;
}

const TYPE_BY_CLASS: Readonly<Record<string, AccountType>> = {
  '1': 'asset',
  '2': 'liability',
  '3': 'equity',
  '4': 'revenue',
  '5': 'expense',
};

/** The class digit decides where an account is reported (SHU is "4-* minus 5-*", §6), so it must agree with the type. */
export function accountTypeMatchesCode(code: string, type: AccountType): boolean {
  return TYPE_BY_CLASS[code.charAt(0)] === type;
}

const rejected = (reason: RejectReason, details?: unknown): StructuralVerdict =>
  details === undefined ? { status: 'rejected', reason } : { status: 'rejected', reason, details };

function signingOf(entry: Entry): { bytes: Uint8Array; digest: string } {
  const bytes = entrySigningBytes(entry);
  // Synchronous SHA-256: a WebCrypto digest of these few hundred bytes costs an async hop ~15× the hash.
  return { bytes, digest: sha256HexSync(bytes) };
}

export async function checkEntry(raw: unknown, ctx: StructuralContext): Promise<StructuralVerdict> {
  const parsed = parseEntry(raw);
  if (!parsed.ok) return rejected(parsed.reason, parsed.details);
  const entry = parsed.entry;

  if (entry.cooperativeId !== ctx.expectedCooperativeId) return rejected('cooperative-mismatch');
  if (entry.deviceId !== ctx.expectedDeviceId) return rejected('device-mismatch');

  const expectedSeq = ctx.previous === undefined ? 1 : ctx.previous.seq + 1;
  if (entry.seq > expectedSeq) return { status: 'gap', expectedSeq };
  if (entry.seq < expectedSeq) return rejected('seq-reused', { expectedSeq });

  const { hash, sig } = entry;
  const { bytes, digest } = ctx.signing !== undefined && ctx.signing.of === raw ? ctx.signing : signingOf(entry);
  if (digest !== hash) return rejected('hash-mismatch', { computed: digest });
  const signed = ctx.verifySignature === undefined ? verifyBytes(ctx.devicePublicKey, sig, bytes) : ctx.verifySignature(sig, bytes, digest);
  if (!(await signed)) return rejected('signature-invalid');

  const expectedPrev = ctx.previous === undefined ? ZERO_HASH : ctx.previous.hash;
  if (entry.prevHash !== expectedPrev) return rejected('chain-broken', { expectedPrevHash: expectedPrev });

  const shapeFault = checkLineShape(entry.lines);
  if (shapeFault !== undefined) return rejected(shapeFault.reason, shapeFault.details);

  let original: readonly JournalLine[] | undefined;
  if (entry.type === 'entry.reversed') {
    const target = ctx.findEntry(entry.data.entryId);
    if (target === undefined) return rejected('reversal-target-unknown', { entryId: entry.data.entryId });
    if (target.type === 'entry.reversed') return rejected('reversal-of-reversal', { entryId: entry.data.entryId });
    if (target.reversedBy !== undefined && target.reversedBy !== entry.id) {
      return rejected('already-reversed', { entryId: entry.data.entryId, reversedBy: target.reversedBy });
    }
    original = target.lines;
  }

  let derived: JournalLine[];
  try {
    derived = deriveLines(entry, original);
  } catch (error) {
    // A derived total beyond MAX_RUPIAH: no sent line can equal it.
    if (error instanceof RangeError) return rejected('lines-mismatch', { derived: 'out-of-range' });
    throw error;
  }
  if (!sameLines(entry.lines, derived)) return rejected('lines-mismatch', { derived });

  for (const line of entry.lines) {
    if (!ctx.accountExists(line.account)) return rejected('account-unknown', { account: line.account });
  }

  if (entry.type === 'account.added') {
    if (ctx.accountExists(entry.data.code)) return rejected('account-exists', { account: entry.data.code });
    if (!accountTypeMatchesCode(entry.data.code, entry.data.type)) {
      return rejected('account-type-mismatch', { account: entry.data.code, type: entry.data.type });
    }
  }

  return { status: 'valid', entry };
}
