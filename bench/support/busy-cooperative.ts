/**
 * A busy cooperative's signed history for the data benchmarks: 5 000 members joining over the first
 * two years, then five years of monthly simpanan wajib (a quarter of the members each month),
 * sukarela in and out, fifteen loans a month repaid monthly for a year, the gerai's daily sales and
 * costs, and a reversal a month. Generated in chronological order by one other phone of the same
 * cooperative, signed and chained as that phone would, and cut at `count` entries: the 10 000-entry
 * set is the first months of the same history (a younger cooperative), so 10 000 → 100 000 shows
 * how each figure grows with history.
 *
 * Ids, dates and amounts are fixed; the signing key is made afresh when the file is generated (the
 * phone checks pulled entries' hashes, not other phones' signatures). Cached under bench/out/data.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { buildUnsignedEntry, signEntry, type BuildEntryInput } from '../../src/domain/entry/create.ts';
import { ZERO_HASH, type Entry, type JournalLine } from '../../src/domain/entry/schema.ts';
import { generateDeviceKeyPair } from '../../src/domain/signing.ts';
import { BENCH_OUT } from './paths.ts';

export const BUSY_COOPERATIVE_ID = '3f2b8c1e-5d4a-4b6f-9e21-0a7c9d3e5f10';
const OTHER_DEVICE = '8d1e2f3a-4b5c-4d6e-8f70-1a2b3c4d5e6f';
export const BUSY_MEMBERS = 5_000;

const hex = (n: number, w: number): string => n.toString(16).padStart(w, '0');
/** A UUIDv7-shaped id, unique per (n, space). */
const uuid = (n: number, space: number): string => {
  const ms = hex(1_640_000_000_000 + n, 12);
  return `${ms.slice(0, 8)}-${ms.slice(8, 12)}-7${hex(space, 3)}-8${hex(n % 4096, 3)}-${hex(n, 12)}`;
};
export const memberId = (k: number): string => uuid(k, 1);
const loanId = (n: number): string => uuid(n, 2);
const day = (y: number, m: number, d: number): string => `${String(y)}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

type Body = Pick<BuildEntryInput, 'type' | 'data'>;
type Draft = { date: string; body: Body; original?: readonly JournalLine[] | undefined };

/** Given names for searchable, realistic member names. */
const GIVEN = ['Siti', 'Sri', 'Dewi', 'Wati', 'Sumarni', 'Lestari', 'Budi', 'Slamet', 'Agus', 'Joko', 'Bambang', 'Sugeng', 'Yanti', 'Ratna', 'Eko', 'Hadi', 'Tutik', 'Supri', 'Rahayu', 'Darmi'];
const FAMILY = ['Wahyuni', 'Santoso', 'Rahmawati', 'Pratama', 'Hidayat', 'Susanto', 'Wibowo', 'Kurniawan', 'Setiawan', 'Nugroho', 'Handayani', 'Purnomo', 'Utami', 'Saputra', 'Maryati', 'Suryani', 'Haryanto', 'Sulistyo', 'Yulianti', 'Prasetyo', 'Fitriani', 'Gunawan', 'Susilo', 'Mulyani', 'Sutrisno'];
export const memberName = (k: number): string => `${GIVEN[k % GIVEN.length] ?? ''} ${FAMILY[Math.floor(k / GIVEN.length) % FAMILY.length] ?? ''} ${String(k)}`;

function* drafts(): Generator<Draft> {
  let joined = 0;
  let loans = 0;
  const startYear = 2021;
  for (let month = 0; month < 72; month++) {
    const y = startYear + Math.floor(month / 12);
    const m = 1 + (month % 12);
    if (month === 0) yield { date: day(y, m, 1), body: { type: 'cash.received', data: { account: '3-200', amount: 250_000_000, via: 'bank', memo: 'Hibah desa' } } as Body };
    const joining = month < 24 ? Math.ceil(BUSY_MEMBERS / 24) : 0;
    for (let j = 0; j < joining && joined < BUSY_MEMBERS; j++, joined++) {
      const date = day(y, m, 1 + (j % 28));
      yield { date, body: { type: 'member.joined', data: { memberId: memberId(joined), number: `A-${String(joined + 1).padStart(4, '0')}`, name: memberName(joined), joinedOn: date } } as Body };
      yield { date, body: { type: 'savings.deposited', data: { memberId: memberId(joined), kind: 'pokok', amount: 100_000, via: 'cash' } } as Body };
    }
    for (let k = 0; k < joined; k++) {
      const d = 1 + (k % 28);
      if ((k + month) % 4 === 0) yield { date: day(y, m, d), body: { type: 'savings.deposited', data: { memberId: memberId(k), kind: 'wajib', amount: 25_000, via: 'cash' } } as Body };
      if ((k * 7 + month) % 20 === 0) yield { date: day(y, m, d), body: { type: 'savings.deposited', data: { memberId: memberId(k), kind: 'sukarela', amount: 50_000 + 10_000 * (k % 5), via: k % 3 === 0 ? 'bank' : 'cash' } } as Body };
      if ((k * 13 + month) % 200 === 0 && month > 2) yield { date: day(y, m, d), body: { type: 'savings.withdrawn', data: { memberId: memberId(k), kind: 'sukarela', amount: 20_000, via: 'cash' } } as Body };
    }
    if (joined > 100) {
      for (let j = 0; j < 15; j++) {
        yield {
          date: day(y, m, 5),
          body: {
            type: 'loan.disbursed',
            data: { loanId: loanId(loans), memberId: memberId((loans * 37) % joined), principal: 3_000_000, months: 12, rateBp: 150, method: 'flat', firstDue: day(y, m, 25), adminFee: 30_000, fineBpPerDay: 10, via: 'cash' },
          } as Body,
        };
        loans += 1;
      }
    }
    // Loans disbursed in the last twelve months (this one included) pay their installment on the 25th.
    for (let l = Math.max(0, loans - 180); l < loans; l++) {
      yield { date: day(y, m, 25), body: { type: 'loan.repaid', data: { loanId: loanId(l), memberId: memberId((l * 37) % Math.max(joined, 1)), principal: 250_000, interest: 45_000, fine: 0, via: 'cash' } } as Body };
    }
    for (let d = 1; d <= 28; d++) {
      yield { date: day(y, m, d), body: { type: 'cash.received', data: { account: '4-110', amount: 350_000 + d * 1_000, via: d % 4 === 0 ? 'qris' : 'cash', memo: 'Penjualan gerai' } } as Body };
      yield { date: day(y, m, d), body: { type: 'cash.paid', data: { account: '5-150', amount: 25_000 + d * 100, via: 'cash', memo: 'Operasional' } } as Body };
    }
  }
}

export const BUSY_FULL = 100_000;

/** The first `count` entries of the history (signed once, cached on disk: signing takes a while). */
export async function busyCooperative(count: number): Promise<Entry[]> {
  if (count > BUSY_FULL) throw new Error(`at most ${String(BUSY_FULL)} entries`);
  const dir = path.join(BENCH_OUT, 'data');
  const file = path.join(dir, `busy-${String(BUSY_FULL)}.json`);
  if (!existsSync(file)) {
    mkdirSync(dir, { recursive: true });
    writeFileSync(file, JSON.stringify(await signHistory(BUSY_FULL)));
  }
  return (JSON.parse(readFileSync(file, 'utf8')) as Entry[]).slice(0, count);
}

async function signHistory(count: number): Promise<Entry[]> {
  const { privateKey } = await generateDeviceKeyPair();
  const entries: Entry[] = [];
  let prevHash = ZERO_HASH;
  let lastPaid: Entry | undefined;
  for (const draft of drafts()) {
    if (entries.length >= count) break;
    const seq = entries.length + 1;
    const unsigned = buildUnsignedEntry({
      ...(draft.body as BuildEntryInput),
      cooperativeId: BUSY_COOPERATIVE_ID,
      deviceId: OTHER_DEVICE,
      seq,
      prevHash,
      recordedAt: `${draft.date}T03:00:00.000Z`,
      date: draft.date,
      actor: 'Bu Siti',
      id: uuid(seq, 3),
      ...(draft.original === undefined ? {} : { original: draft.original }),
    });
    const entry = await signEntry(unsigned, privateKey);
    entries.push(entry);
    prevHash = entry.hash;
    if (entry.type === 'cash.paid') lastPaid = entry;
    // One mistaken cost a month is reversed the same day.
    if (entry.type === 'cash.paid' && entry.date.endsWith('-15') && lastPaid !== undefined && entries.length < count) {
      const reversal = await signEntry(
        buildUnsignedEntry({
          type: 'entry.reversed',
          data: { entryId: lastPaid.id, reason: 'Salah catat' },
          cooperativeId: BUSY_COOPERATIVE_ID,
          deviceId: OTHER_DEVICE,
          seq: seq + 1,
          prevHash,
          recordedAt: `${entry.date}T04:00:00.000Z`,
          date: entry.date,
          actor: 'Bu Siti',
          id: uuid(seq + 1, 3),
          original: lastPaid.lines,
        }),
        privateKey,
      );
      entries.push(reversal);
      prevHash = reversal.hash;
    }
  }
  if (entries.length < count) throw new Error(`the history has only ${String(entries.length)} entries`);
  return entries.slice(0, count);
}
