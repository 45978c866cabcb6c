/**
 * A page built next to the app (same origin, same chunks for src/db) that seeds the phone's store
 * through the app's own db module: the identity of an enrolled phone, its device key, one user, and
 * other phones' entries through `ingestPulled` exactly as a sync pull stores them (hash-checked,
 * folded into the projections, in one transaction per batch). It also times the "full recompute
 * from entries" baseline of the report benchmark. Exposed as `window.lumbungBench`.
 */
import { DEFAULT_DB_NAME, openLumbungDb } from '../../src/db/database.ts';
import { ensureDeviceKeys } from '../../src/db/device-keys.ts';
import { ingestPulled } from '../../src/db/ingest.ts';
import { writeMeta } from '../../src/db/meta.ts';
import { addUser } from '../../src/db/users.ts';
import type { CooperativeId, DeviceId } from '../../src/domain/ids.ts';
import { foldEntries } from '../../src/domain/ledger/index.ts';
import { balanceSheet, incomeStatement, shuReport } from '../../src/domain/reports/index.ts';

export type BenchSetup = { cooperativeId: string; deviceId: string; userName: string; pin: string };
export type RecomputeTimes = { readMs: number; foldMs: number; balanceSheetMs: number; incomeStatementMs: number; shuMs: number; entries: number };

const db = openLumbungDb(DEFAULT_DB_NAME);

async function setUp(setup: BenchSetup): Promise<void> {
  await ensureDeviceKeys(db);
  await writeMeta(db, 'identity', {
    mode: 'enrolled',
    cooperativeId: setup.cooperativeId as CooperativeId,
    deviceId: setup.deviceId as DeviceId,
    cooperative: { name: 'Koperasi Desa Sumber Rejeki', village: 'Sumberejo', district: 'Malang' },
    enrolledAt: new Date().toISOString(),
  });
  const added = await addUser(db, { name: setup.userName, role: 'bendahara', pin: setup.pin });
  if (!added.ok) throw new Error(`addUser: ${added.error}`);
}

async function ingest(entries: readonly unknown[], cursor: string): Promise<number> {
  const result = await ingestPulled(db, { entries, cursor });
  if (!result.ok) throw new Error(`ingestPulled: ${JSON.stringify(result.error)}`);
  return result.value.added;
}

/** Reads every entry, folds them from nothing and runs the three reports: what a phone without projections would do. */
async function recompute(asOf: string, year: number): Promise<RecomputeTimes> {
  const t0 = performance.now();
  const rows = await db.entries.orderBy('order').toArray();
  const t1 = performance.now();
  const state = foldEntries(rows.map((row) => row.entry));
  const t2 = performance.now();
  balanceSheet(state, asOf);
  const t3 = performance.now();
  incomeStatement(state, `${String(year)}-01-01`, asOf);
  const t4 = performance.now();
  shuReport(state, year);
  const t5 = performance.now();
  return { readMs: t1 - t0, foldMs: t2 - t1, balanceSheetMs: t3 - t2, incomeStatementMs: t4 - t3, shuMs: t5 - t4, entries: rows.length };
}

const api = { setUp, ingest, recompute, ready: true };
export type LumbungBench = typeof api;
(window as unknown as { lumbungBench: LumbungBench }).lumbungBench = api;
const status = document.getElementById('status');
if (status !== null) status.textContent = 'ready';
