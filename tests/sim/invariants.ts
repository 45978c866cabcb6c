/**
 * The oracles run after every simulated run (research/reliability.md §1.5 I1–I12, §4.5 S1–S8).
 *
 * Safety, checked before and after healing:
 * - every stored row is an entry some phone committed, in that phone's cooperative, once (S2, S5);
 *   a save that crashed before its commit left no trace anywhere;
 * - each device's chain on the server verifies: seq 1…n without gaps, prevHash links, hash
 *   recomputes, signature verifies against the enrolled key (I11); serverSeq 1…n per cooperative;
 * - every accepted entry balances, every ledger's trial balance holds and assets = liabilities +
 *   equity, on the server and on every phone (I1, I2);
 * - projections equal a recomputation from the entries: the server's HTTP reports against a fold of
 *   its stored entries in server order, each phone's stored projections against a fold of its
 *   entries (I8);
 * - a phone holds only its own cooperative's entries (S5), and what it marked acknowledged is on
 *   the server (S7).
 * Liveness, after healing: every confirmed save is on the server exactly once, or rejected with a
 * reason the phone shows (S1); no phone has anything left to send; every phone holds exactly the
 * server's entries of its cooperative and computes the same reports to the rupiah (I12, S3) — every
 * report but the flags review list, whose details depend on the order entries were folded in.
 */
import { currentLedger } from '../../src/db/projections.ts';
import type { EntryRow } from '../../src/db/entry-row.ts';
import { yearOf } from '../../src/domain/dates.ts';
import { entrySchema, type Entry } from '../../src/domain/entry/schema.ts';
import { entryHash, entrySigningBytes } from '../../src/domain/hashing.ts';
import { foldEntries, type LedgerState } from '../../src/domain/ledger/index.ts';
import { runReport, type ReportName } from '../../src/domain/reports/index.ts';
import { importPublicJwk, verifyBytes } from '../../src/domain/signing.ts';
import { asJson, firstDifference } from './compare.ts';
import type { District, StoredEntry } from './district.ts';
import type { Attempt, Findings } from './model.ts';
import type { Phone } from './phone.ts';

export type World = {
  readonly district: District;
  readonly phones: readonly Phone[];
  readonly attempts: readonly Attempt[];
  readonly cooperatives: readonly string[];
};

type ReportCall = { readonly name: ReportName; readonly query: Record<string, string> };

function parseEntry(body: string): Entry | null {
  try {
    const parsed = entrySchema.safeParse(JSON.parse(body));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

function linesBalance(entry: Entry): boolean {
  let debit = 0;
  let credit = 0;
  for (const line of entry.lines) {
    debit += line.debit;
    credit += line.credit;
  }
  return debit === credit;
}

/** Σ debit = Σ credit over every account of a ledger (I2). BigInt: totals of years may pass 2^53. */
function trialBalanceHolds(state: LedgerState): boolean {
  let debit = 0n;
  let credit = 0n;
  for (const row of state.accounts.values()) {
    debit += BigInt(row.debit);
    credit += BigInt(row.credit);
  }
  return debit === credit;
}

/** The reports both sides must agree on, over the dates the cooperative's entries span. */
function reportCalls(entries: readonly Entry[]): ReportCall[] {
  if (entries.length === 0) return [{ name: 'balance-sheet', query: { asOf: '2026-12-31' } }];
  const dates = entries.map((e) => e.date).sort();
  const from = dates[0] ?? '2026-01-01';
  const to = dates.at(-1) ?? '2026-12-31';
  return [
    { name: 'balance-sheet', query: { asOf: to } },
    { name: 'income-statement', query: { from, to } },
    { name: 'cash-book', query: { from, to } },
    { name: 'members', query: { asOf: to } },
    { name: 'loans', query: { asOf: to } },
    { name: 'shu', query: { year: String(Math.max(2000, yearOf(to) - 1)) } },
    { name: 'flags', query: {} },
  ];
}

function reportOf(state: LedgerState, call: ReportCall): unknown {
  const outcome = runReport(call.name, state, call.query);
  return outcome.ok ? asJson(outcome.body) : { error: outcome.error.code };
}

function balanceSheetHolds(report: unknown): boolean {
  const totals = (report as { totals?: { assets: number; liabilities: number; equity: number } }).totals;
  return totals !== undefined && totals.assets === totals.liabilities + totals.equity;
}

/** Accepted entries of one cooperative on the server, in server order. */
function acceptedOf(stored: readonly StoredEntry[], cooperativeId: string): { entry: Entry; serverSeq: number }[] {
  return stored
    .filter((r) => r.cooperativeId === cooperativeId && r.status !== 'rejected' && r.serverSeq !== null)
    .sort((a, b) => (a.serverSeq ?? 0) - (b.serverSeq ?? 0))
    .flatMap((r) => {
      const entry = parseEntry(r.body);
      return entry === null || r.serverSeq === null ? [] : [{ entry, serverSeq: r.serverSeq }];
    });
}

async function checkServerRows(world: World, stored: readonly StoredEntry[], findings: Findings): Promise<void> {
  const attempts = new Map(world.attempts.map((a) => [a.id, a]));
  const devices = new Map(world.district.storedDevices().map((d) => [d.id, d]));
  const seen = new Map<string, number>();
  for (const row of stored) seen.set(row.id, (seen.get(row.id) ?? 0) + 1);
  for (const [id, count] of seen) if (count > 1) findings.add('duplicated', 'S2 one row per entry id', `${id} stored ${String(count)} times`);

  for (const row of stored) {
    const attempt = attempts.get(row.id);
    if (attempt === undefined) findings.add('duplicated', 'S2 no entry the app never made', `${row.id} (${row.status})`);
    else if (attempt.outcome === 'crashed-before-commit' || attempt.outcome === 'refused') {
      findings.add('other', 'no trace of an uncommitted save', `${row.id} ${attempt.outcome} is on the server`);
    } else if (attempt.cooperativeId !== row.cooperativeId) {
      findings.add('leaked', 'S5 entry stored under its own cooperative', `${row.id} of ${attempt.cooperativeId} under ${row.cooperativeId}`);
    }
    const device = devices.get(row.deviceId);
    if (device?.cooperativeId !== row.cooperativeId) findings.add('leaked', 'S5 device of the row\'s cooperative', `${row.id} device ${row.deviceId}`);
    const entry = parseEntry(row.body);
    if (entry === null) {
      if (row.status !== 'rejected') findings.add('other', 'accepted entries parse', row.id);
      continue;
    }
    if (entry.cooperativeId !== row.cooperativeId) findings.add('leaked', 'S5 body names the row\'s cooperative', row.id);
    if (row.status !== 'rejected' && !linesBalance(entry)) findings.add('unbalanced', 'I1 entry balances', row.id);
    if (row.status === 'rejected' && (row.reason ?? '') === '') findings.add('other', 'rejected with a reason', row.id);
  }

  // I11: per-device chains, and per-cooperative server order without holes.
  const byDevice = new Map<string, StoredEntry[]>();
  for (const row of stored) byDevice.set(row.deviceId, [...(byDevice.get(row.deviceId) ?? []), row]);
  for (const [deviceId, rows] of byDevice) {
    rows.sort((a, b) => a.seq - b.seq);
    const jwk = devices.get(deviceId)?.publicKey;
    const key = jwk === undefined ? null : await importPublicJwk(JSON.parse(jwk) as unknown);
    let prevHash = '0'.repeat(64);
    for (const [i, row] of rows.entries()) {
      if (row.seq !== i + 1) {
        findings.add('other', 'I11 device seq 1…n without gaps', `${deviceId} has seq ${String(row.seq)} at position ${String(i + 1)}`);
        break;
      }
      const entry = parseEntry(row.body);
      if (entry === null) {
        prevHash = row.hash;
        continue;
      }
      if (entry.prevHash !== prevHash) findings.add('other', 'I11 prevHash links', `${deviceId} seq ${String(row.seq)}`);
      if ((await entryHash(entry)) !== row.hash || entry.hash !== row.hash) findings.add('other', 'I11 hash recomputes', row.id);
      if (row.status !== 'rejected' && (key === null || !key.ok || !(await verifyBytes(key.key, entry.sig, entrySigningBytes(entry))))) {
        findings.add('other', 'I11 signature verifies', row.id);
      }
      prevHash = row.hash;
    }
  }
  for (const cooperativeId of world.cooperatives) {
    const seqs = stored.filter((r) => r.cooperativeId === cooperativeId && r.serverSeq !== null).map((r) => r.serverSeq ?? 0).sort((a, b) => a - b);
    if (seqs.some((s, i) => s !== i + 1)) findings.add('other', 'serverSeq 1…n per cooperative', cooperativeId);
  }
}

async function checkServerLedgers(world: World, stored: readonly StoredEntry[], findings: Findings): Promise<void> {
  if (!world.district.isRunning) return;
  for (const cooperativeId of world.cooperatives) {
    const accepted = acceptedOf(stored, cooperativeId);
    const serverSeqOf = new Map(accepted.map((a) => [a.entry.id, a.serverSeq]));
    const recomputed = foldEntries(
      accepted.map((a) => a.entry),
      (e) => ({ serverSeq: serverSeqOf.get(e.id) ?? 0 }),
    );
    if (!trialBalanceHolds(recomputed)) findings.add('unbalanced', 'I2 server trial balance', cooperativeId);
    for (const call of reportCalls(accepted.map((a) => a.entry))) {
      const served = await world.district.report(cooperativeId, call.name, call.query);
      if (call.name === 'balance-sheet' && !balanceSheetHolds(served)) findings.add('unbalanced', 'assets = liabilities + equity (server)', cooperativeId);
      const diff = firstDifference(served, reportOf(recomputed, call));
      if (diff !== null) findings.add('other', `I8 server ${call.name} = recomputation`, `${cooperativeId} ${diff}`);
    }
  }
}

async function phoneRows(phone: Phone): Promise<EntryRow[]> {
  return phone.db.entries.orderBy('order').toArray();
}

async function checkPhone(world: World, phone: Phone, stored: readonly StoredEntry[], findings: Findings): Promise<void> {
  const rows = await phoneRows(phone);
  for (const row of rows) {
    if (row.entry.cooperativeId !== phone.cooperativeId) findings.add('leaked', 'S5 a phone holds only its cooperative', `${phone.label} holds ${row.id}`);
  }
  const ids = new Set<string>(rows.map((r) => r.id));
  for (const attempt of world.attempts) {
    if (attempt.phone === phone.label && attempt.outcome === 'crashed-before-commit' && ids.has(attempt.id)) {
      findings.add('other', 'no trace of an uncommitted save', `${phone.label} holds ${attempt.id}`);
    }
  }
  // S7: acknowledged means the server holds it.
  const onServer = new Map(stored.filter((r) => r.cooperativeId === phone.cooperativeId).map((r) => [r.id, r]));
  for (const row of rows) {
    if (row.sync === 'acked' && onServer.get(row.id)?.status === undefined) findings.add('lost', 'S7 acked only what the server holds', `${phone.label} ${row.id}`);
    if (row.sync === 'acked' && onServer.get(row.id)?.status === 'rejected') findings.add('other', 'acked entry not rejected on the server', `${phone.label} ${row.id}`);
  }
  // I8 on the phone: stored projections = a fold of the phone's entries in its own order, each with
  // the server position the phone has learnt for it (what a rebuild of the projections does).
  const stateNow = await currentLedger(phone.db);
  const positions = new Map<string, number | undefined>(rows.map((r) => [r.id, r.serverSeq]));
  // A rejected entry stays on the phone (shown with its reason) but is not part of the books.
  const recomputed = foldEntries(
    rows.filter((r) => r.sync !== 'rejected').map((r) => r.entry),
    (e) => {
      const serverSeq = positions.get(e.id);
      return serverSeq === undefined ? {} : { serverSeq };
    },
  );
  if (!trialBalanceHolds(stateNow)) findings.add('unbalanced', 'I2 phone trial balance', phone.label);
  for (const call of reportCalls(rows.map((r) => r.entry))) {
    const mine = reportOf(stateNow, call);
    if (call.name === 'balance-sheet' && !balanceSheetHolds(mine)) findings.add('unbalanced', 'assets = liabilities + equity (phone)', phone.label);
    const diff = firstDifference(mine, reportOf(recomputed, call));
    if (diff !== null) findings.add('other', `I8 phone ${call.name} = recomputation`, `${phone.label} ${diff}`);
  }
}

export async function checkSafety(world: World, findings: Findings): Promise<void> {
  const stored = world.district.storedEntries();
  await checkServerRows(world, stored, findings);
  await checkServerLedgers(world, stored, findings);
  for (const phone of world.phones) await checkPhone(world, phone, stored, findings);
}

/** After healing: nothing lost, nothing left to send, every phone equal to the server. */
export async function checkLiveness(world: World, findings: Findings): Promise<void> {
  const stored = world.district.storedEntries();
  const byId = new Map(stored.map((r) => [r.id, r]));
  const phones = new Map(world.phones.map((p) => [p.label, p]));
  const rowsOf = new Map<string, Map<string, EntryRow>>();
  for (const phone of world.phones) rowsOf.set(phone.label, new Map((await phoneRows(phone)).map((r) => [r.id, r])));

  for (const attempt of world.attempts) {
    if (attempt.outcome !== 'confirmed' && attempt.outcome !== 'committed-unseen') continue;
    const row = byId.get(attempt.id);
    if (row === undefined || row.cooperativeId !== attempt.cooperativeId || row.hash !== attempt.hash) {
      findings.add('lost', 'S1 every saved entry reaches the server', `${attempt.phone} ${attempt.type} ${attempt.id} (${attempt.outcome})`);
      continue;
    }
    const phone = phones.get(attempt.phone);
    if (row.status === 'rejected' && phone !== undefined && !phone.revoked) {
      const local = rowsOf.get(attempt.phone)?.get(attempt.id);
      if (local?.sync !== 'rejected' || (local.reason ?? '') === '') {
        findings.add('lost', 'S1 a rejection is visible on the phone with its reason', `${attempt.phone} ${attempt.id} (${row.reason ?? ''})`);
      }
    }
  }

  for (const phone of world.phones) {
    if (phone.revoked) continue;
    const rows = [...(rowsOf.get(phone.label)?.values() ?? [])];
    const pending = rows.filter((r) => r.sync === 'pending').length;
    if (pending > 0) findings.add('other', 'S3 nothing left to send after healing', `${phone.label} has ${String(pending)} pending`);
    const accepted = acceptedOf(stored, phone.cooperativeId);
    const serverIds = new Set(accepted.map((a) => a.entry.id));
    const localAccepted = rows.filter((r) => r.sync === 'acked' || r.sync === 'pending');
    const missing = [...serverIds].filter((id) => !rowsOf.get(phone.label)?.has(id));
    const extra = localAccepted.filter((r) => !serverIds.has(r.id)).map((r) => r.id);
    if (missing.length > 0 || extra.length > 0) {
      findings.add('other', 'I12 phone holds exactly the server\'s entries', `${phone.label}: ${String(missing.length)} missing, ${String(extra.length)} extra`);
    }
    const state = await currentLedger(phone.db);
    // Not `flags`: a flag is raised when an entry is folded against what came before it (an
    // overdraft "at that moment"), and the phone folds in arrival order while the server folds in
    // server order. The server's statuses are the authority for review; the money must agree.
    for (const call of reportCalls(accepted.map((a) => a.entry)).filter((c) => c.name !== 'flags')) {
      const served = await world.district.report(phone.cooperativeId, call.name, call.query);
      const diff = firstDifference(served, reportOf(state, call));
      if (diff !== null) findings.add('other', `I12 ${call.name}: phone = server`, `${phone.label} ${diff}`);
    }
  }
}
