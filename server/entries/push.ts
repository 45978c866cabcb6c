/**
 * Push (CONTRACT §7): one device's entries, in seq order, in one transaction under the
 * cooperative's lock. Per entry, in order:
 *  1. its id is known in the cooperative → same hash: `duplicate` with the original serverSeq
 *     (a stored rejected entry answers `rejected` with its original reason again); a different
 *     hash: `rejected` / `id-conflict`, not stored;
 *  2. else the shared structural check (`checkEntry`) with the device's last stored entry as
 *     chain head → `gap` stops the batch (no results for the rest); `rejected` is stored with its
 *     reason and keeps its place in the chain (when it has a place: see `storableRejection`);
 *     `valid` is folded into the cooperative's ledger and stored with the next serverSeq →
 *     `accepted`, or `accepted_flagged` with the first flag's reason (all of them in `flags`).
 * Everything commits before the caller answers.
 *
 * Before all that, when the phone sent its view of its own chain (`head`, an addition to CONTRACT
 * §7 in docs/api.md): a server copy of this device's chain that differs from the phone's refuses the
 * whole batch (`chain-behind`, with the server's head) and stores nothing (chain-view.ts).
 */
import { checkEntry } from '../../src/domain/entry/validate.ts';
import { ZERO_HASH } from '../../src/domain/entry/zero-hash.ts';
import type { RejectReason } from '../../src/domain/entry/reasons.ts';
import { applyEntryUntracked, ledgerAccountExists, ledgerFindEntry, nextChainMark } from '../../src/domain/ledger/index.ts';
import type { DeviceKey } from '../../src/domain/signing.ts';
import type { ServerContext } from '../context.ts';
import { faultPoint } from '../fault-point.ts';
import type { CooperativeTx, DeviceRecord, EntryRef, StoredEntryRow } from '../storage/store.ts';
import { chainMarkAtHead } from './chain-marks.ts';
import { txSource } from './ledger-cache.ts';
import { chainViewDiffers, type ChainView } from './chain-view.ts';
import { startBatchVerification } from './verify-pool.ts';
import { rawField as field, rawId as idOf, rawSeq } from './raw-fields.ts';

export const MAX_PUSH_ENTRIES = 500;

export type PushStatus = 'accepted' | 'accepted_flagged' | 'duplicate' | 'rejected' | 'gap';

export interface PushResult {
  id: string | null;
  status: PushStatus;
  serverSeq?: number;
  reason?: string;
  /** Every flag reason of an accepted_flagged entry (the first is `reason`). */
  flags?: string[];
  /** For `gap`: the seq the server expects next from this device. */
  expectedSeq?: number;
  details?: unknown;
}

const HASH = /^[0-9a-f]{64}$/;

/** Reasons that say the entry is not this device's entry at this chain position: answered, never stored. */
const NOT_IN_CHAIN: ReadonlySet<RejectReason> = new Set(['cooperative-mismatch', 'device-mismatch', 'seq-reused']);

/**
 * A rejected entry is stored (keeping its chain place) when it claims exactly the next position of
 * this device's chain with a usable id and hash. A schema-broken entry without those cannot hold a
 * place; it is answered `rejected` and not stored.
 */
function storableRejection(raw: unknown, reason: RejectReason, expectedSeq: number): boolean {
  if (NOT_IN_CHAIN.has(reason)) return false;
  const hash = field(raw, 'hash');
  return idOf(raw) !== null && field(raw, 'seq') === expectedSeq && typeof hash === 'string' && HASH.test(hash);
}

export interface PushInput {
  device: DeviceRecord;
  key: DeviceKey;
  entries: readonly unknown[];
  receivedAt: string;
}

export interface DevicePushInput extends PushInput {
  /** The phone's view of its own chain just before the first entry; absent from older phones. */
  head: ChainView | undefined;
}

export type PushAnswer =
  | { readonly kind: 'stored'; readonly results: PushResult[] }
  /** The server's copy of this device's chain differs from the phone's: nothing was stored. */
  | { readonly kind: 'chain-behind'; readonly serverHead: ChainView };

/** A push without the phone's view of its chain (the backup import): every batch is processed. */
export async function pushEntries(context: ServerContext, input: PushInput): Promise<PushResult[]> {
  const answer = await pushDeviceBatch(context, { ...input, head: undefined });
  if (answer.kind === 'chain-behind') throw new Error('a push without a head cannot be found behind');
  return answer.results;
}

export async function pushDeviceBatch(context: ServerContext, input: DevicePushInput): Promise<PushAnswer> {
  const cooperativeId = input.device.cooperativeId;
  return context.ledgers.exclusive(cooperativeId, async () => {
    try {
      return await context.store.withCooperativeLock(cooperativeId, (tx) => pushInTransaction(context, input, tx));
    } catch (error) {
      // The fold may have run ahead of a transaction that did not commit.
      context.ledgers.invalidate(cooperativeId);
      throw error;
    }
  });
}

async function pushInTransaction(
  context: ServerContext,
  input: DevicePushInput,
  tx: CooperativeTx,
): Promise<PushAnswer> {
  const { device, key, entries, receivedAt } = input;
  const cooperativeId = device.cooperativeId;
  const known = await tx.findEntries(entries.map(idOf).filter((id): id is string => id !== null));
  let head = await tx.deviceHead(device.id);
  // Checked before the ledger is caught up or a signature verified: a refusal costs two reads.
  if (input.head !== undefined && chainViewDiffers(input.head, head, entries, known, device.id)) {
    return { kind: 'chain-behind', serverHead: head ?? { seq: 0, hash: ZERO_HASH } };
  }
  let ledger = await context.ledgers.caughtUp(cooperativeId, txSource(tx));
  if (ledger.lastSeq !== tx.cooperative.lastSeq) {
    // The cache ran ahead of what is committed (it must never); rebuild it from the store.
    context.ledgers.invalidate(cooperativeId);
    ledger = await context.ledgers.caughtUp(cooperativeId, txSource(tx));
  }
  const { state } = ledger;
  let chainMark = await chainMarkAtHead(tx, ledger.lastSeq);
  // Every new entry's signature starts verifying now, in parallel; the checks below stay in order.
  const batch = startBatchVerification(
    key,
    entries.filter((raw) => {
      const id = idOf(raw);
      return id === null || !known.has(id);
    }),
  );
  const rows: StoredEntryRow[] = [];
  const results: PushResult[] = [];

  const remember = (row: StoredEntryRow): void => {
    rows.push(row);
    known.set(row.id, row);
    head = { seq: row.seq, hash: row.hash };
  };

  for (const raw of entries) {
    const id = idOf(raw);
    const prior: EntryRef | undefined = id === null ? undefined : known.get(id);
    if (prior !== undefined) {
      results.push(answerForKnown(prior, field(raw, 'hash')));
      continue;
    }
    const expectedSeq = head === null ? 1 : head.seq + 1;
    const verdict = await checkEntry(raw, {
      expectedCooperativeId: cooperativeId,
      expectedDeviceId: device.id,
      devicePublicKey: key,
      verifySignature: batch.verifySignature,
      signing: batch.signingOf(raw),
      previous: head ?? undefined,
      accountExists: (code) => ledgerAccountExists(state, code),
      findEntry: (entryId) => ledgerFindEntry(state, entryId),
    });
    if (verdict.status === 'gap') {
      results.push({ id, status: 'gap', expectedSeq: verdict.expectedSeq });
      break;
    }
    if (verdict.status === 'rejected') {
      const claimedSeq = rawSeq(raw);
      if (verdict.reason === 'schema-invalid' && claimedSeq !== null && claimedSeq > expectedSeq) {
        // Broken AND beyond the chain head: the missing seqs come first.
        results.push({ id, status: 'gap', expectedSeq });
        break;
      }
      if (id !== null && storableRejection(raw, verdict.reason, expectedSeq)) {
        remember({
          cooperativeId,
          id,
          deviceId: device.id,
          seq: expectedSeq,
          hash: String(field(raw, 'hash')),
          status: 'rejected',
          reason: verdict.reason,
          serverSeq: null,
          chainMark: null,
          body: JSON.stringify(raw),
          receivedAt,
        });
      }
      results.push(
        verdict.details === undefined
          ? { id, status: 'rejected', reason: verdict.reason }
          : { id, status: 'rejected', reason: verdict.reason, details: verdict.details },
      );
      continue;
    }
    const entry = verdict.entry;
    const serverSeq = ledger.lastSeq + 1;
    const flags = applyEntryUntracked(state, entry, { serverSeq });
    ledger.lastSeq = serverSeq;
    chainMark = nextChainMark(chainMark, entry.hash);
    ledger.chainMark = chainMark;
    const flagReasons = [...new Set(flags.map((f) => f.reason))];
    const firstFlag = flagReasons[0];
    remember({
      cooperativeId,
      id: entry.id,
      deviceId: device.id,
      seq: entry.seq,
      hash: entry.hash,
      status: firstFlag === undefined ? 'accepted' : 'accepted_flagged',
      reason: firstFlag === undefined ? null : flagReasons.join(','),
      serverSeq,
      chainMark,
      // The entry as received (key order kept); its hash covers the canonical form of exactly this.
      body: JSON.stringify(raw),
      receivedAt,
    });
    results.push(
      firstFlag === undefined
        ? { id: entry.id, status: 'accepted', serverSeq }
        : { id: entry.id, status: 'accepted_flagged', serverSeq, reason: firstFlag, flags: flagReasons },
    );
  }

  await tx.insertEntries(rows);
  await tx.finish(ledger.lastSeq, receivedAt);
  faultPoint('push-before-commit'); // test-only crash point (server/fault-point.ts)
  return { kind: 'stored', results };
}

function answerForKnown(prior: EntryRef, hash: unknown): PushResult {
  if (prior.hash !== hash) return { id: prior.id, status: 'rejected', reason: 'id-conflict' };
  if (prior.status === 'rejected') return { id: prior.id, status: 'rejected', reason: prior.reason ?? 'schema-invalid' };
  return prior.serverSeq === null
    ? { id: prior.id, status: 'duplicate' }
    : { id: prior.id, status: 'duplicate', serverSeq: prior.serverSeq };
}
