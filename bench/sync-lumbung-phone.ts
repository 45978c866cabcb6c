/**
 * The phone of the sync benchmark: the real local store (src/db) on fake-indexeddb in Node, filled
 * with a treasurer's records through `appendEntry` (so every entry is signed and chained exactly as
 * on a phone), and copied table by table so each timed run starts from the same pending outbox.
 */
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { appendEntry, type EntryDraft } from '../src/db/append-entry.ts';
import { LumbungDb } from '../src/db/database.ts';
import type { Entry } from '../src/domain/entry/schema.ts';
import { newLoanId, newMemberId, type LoanId, type MemberId } from '../src/domain/ids.ts';
import { rupiah } from '../src/domain/money.ts';

let phones = 0;

/** A phone with its own, empty IndexedDB (a separate fake-indexeddb factory per phone). */
export function newPhoneDb(): LumbungDb {
  phones++;
  return new LumbungDb(`bench-phone-${String(phones)}`, { indexedDB: new IDBFactory(), IDBKeyRange });
}

const ACTORS = ['Bu Siti', 'Pak Darto'];
const SUKARELA = [25_000, 50_000, 75_000, 100_000, 150_000, 200_000, 500_000];

const dateOf = (day: number, days: number): string => {
  // Spread over the `days` days that end on 2026-11-27 (a week, or a year).
  const end = Date.UTC(2026, 10, 27);
  return new Date(end - (days - 1 - (day % days)) * 86_400_000).toISOString().slice(0, 10);
};

/**
 * `count` records as a busy treasurer makes them: members join first, then loans, then a daily
 * mix of compulsory and voluntary savings, repayments, withdrawals and operating costs, spread
 * over `days` days. Real amounts, real names; nothing repeats verbatim except what repeats in life.
 */
export function treasurerRecords(count: number, days: number): EntryDraft[] {
  const drafts: EntryDraft[] = [];
  const members: MemberId[] = [];
  const loans: { loanId: LoanId; memberId: MemberId }[] = [];
  const memberCount = Math.max(10, Math.floor(count / 20));
  const loanCount = Math.max(3, Math.floor(count / 50));
  for (let i = 0; i < memberCount && drafts.length < count; i++) {
    const memberId = newMemberId();
    members.push(memberId);
    const date = dateOf(0, days);
    drafts.push({
      type: 'member.joined',
      data: { memberId, number: `A-${String(i + 1).padStart(4, '0')}`, name: `Anggota ${String(i + 1)} Sukamaju`, phone: `0812${String(3_000_000 + i * 7919).padStart(8, '0')}`, joinedOn: date },
      date,
      actor: ACTORS[0] ?? 'Bu Siti',
    });
  }
  const member = (i: number): MemberId => members[i % members.length] as MemberId;
  for (let i = 0; i < loanCount && drafts.length < count; i++) {
    const loanId = newLoanId();
    const memberId = member(i * 3);
    loans.push({ loanId, memberId });
    drafts.push({
      type: 'loan.disbursed',
      data: {
        loanId,
        memberId,
        principal: rupiah(1_000_000 + (i % 10) * 500_000),
        months: 10,
        rateBp: 150,
        method: i % 3 === 0 ? 'menurun' : 'flat',
        firstDue: '2026-12-05',
        adminFee: rupiah(10_000),
        fineBpPerDay: 10,
        via: 'cash',
      },
      date: dateOf(0, days),
      actor: ACTORS[i % 2] ?? 'Bu Siti',
    });
  }
  for (let i = 0; drafts.length < count; i++) {
    const date = dateOf(1 + Math.floor((i * days) / Math.max(1, count)), days);
    const actor = ACTORS[i % 2] ?? 'Bu Siti';
    const memberId = member(i * 7 + 1);
    const slot = i % 10;
    if (slot < 4) {
      drafts.push({ type: 'savings.deposited', data: { memberId, kind: 'wajib', amount: rupiah(20_000), via: 'cash' }, date, actor });
    } else if (slot < 6) {
      const amount = SUKARELA[i % SUKARELA.length] ?? 50_000;
      drafts.push({ type: 'savings.deposited', data: { memberId, kind: 'sukarela', amount: rupiah(amount), via: i % 3 === 0 ? 'qris' : 'cash' }, date, actor });
    } else if (slot < 8) {
      const loan = loans[i % loans.length];
      if (loan === undefined) continue;
      drafts.push({
        type: 'loan.repaid',
        data: { loanId: loan.loanId, memberId: loan.memberId, principal: rupiah(100_000 + (i % 5) * 50_000), interest: rupiah(15_000 + (i % 5) * 7_500), fine: rupiah(0), via: 'cash' },
        date,
        actor,
      });
    } else if (slot === 8) {
      drafts.push({ type: 'savings.withdrawn', data: { memberId, kind: 'sukarela', amount: rupiah(25_000 + (i % 4) * 25_000), via: 'cash' }, date, actor });
    } else {
      const memo = ['Beli ATK dan materai', 'Listrik kantor koperasi', 'Transport ke bank kecamatan', 'Fotokopi laporan bulanan'][i % 4] ?? 'Beli ATK';
      drafts.push({ type: 'cash.paid', data: { account: '5-150', amount: rupiah(15_000 + (i % 9) * 5_000), via: 'cash', memo }, date, actor });
    }
  }
  return drafts;
}

/** Saves every draft through the real `appendEntry` (sign, chain, fold, outbox); returns the entries. */
export async function recordAll(db: LumbungDb, drafts: readonly EntryDraft[]): Promise<Entry[]> {
  const entries: Entry[] = [];
  // appendEntry marks its kill-test points with console.debug (for DevTools breakpoints in the
  // browser); in Node that is two lines per entry on stdout, 20 000 for a year. Not ours to print.
  const debug = console.debug;
  console.debug = () => undefined;
  try {
    for (const draft of drafts) {
      const result = await appendEntry(db, draft, { locks: null });
      if (!result.ok) throw new Error(`appendEntry failed: ${result.error}`);
      entries.push(result.value.entry);
    }
  } finally {
    console.debug = debug;
  }
  return entries;
}

export type PhoneSnapshot = ReadonlyMap<string, readonly unknown[]>;

/** Every row of every table (device keys included: fake-indexeddb clones CryptoKeys). */
export async function snapshotPhone(db: LumbungDb): Promise<PhoneSnapshot> {
  const tables = new Map<string, unknown[]>();
  for (const table of db.tables) tables.set(table.name, await table.toArray());
  return tables;
}

/** A new phone holding exactly the snapshot's rows: the same pending outbox, counters and keys. */
export async function restorePhone(snapshot: PhoneSnapshot): Promise<LumbungDb> {
  const db = newPhoneDb();
  await db.open();
  await db.transaction('rw', db.tables, async () => {
    for (const table of db.tables) await table.bulkAdd([...(snapshot.get(table.name) ?? [])]);
  });
  return db;
}
