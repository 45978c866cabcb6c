/**
 * What a treasurer records in the simulation: one random entry of any of the fourteen types,
 * chosen from what THIS phone shows (its own ledger: the members, loans and entries it knows),
 * with real rupiah amounts. Ids of the entry, member and loan come from the seeded generator, so
 * a seed replays the same business facts.
 *
 * Some choices are deliberately the awkward facts of village bookkeeping: a withdrawal larger than
 * the balance, a repayment beyond what is outstanding, a member number another phone already gave
 * out, a second reversal of an entry another phone reversed offline, a year closed twice. The
 * server must store those (flagged) or reject them visibly, never lose or double them.
 */
import type { EntryDraft } from '../../src/db/append-entry.ts';
import { addMonthsClamped, yearOf, type BusinessDate } from '../../src/domain/dates.ts';
import type { SeededRandom } from '../../src/domain/demo/prng.ts';
import { seededUuidv7 } from '../../src/domain/demo/seeded-uuid.ts';
import { LOAN_METHODS, SAVINGS_KINDS, VIAS, type EntryType } from '../../src/domain/entry/schema.ts';
import type { EntryId, LoanId, MemberId } from '../../src/domain/ids.ts';
import type { LedgerState } from '../../src/domain/ledger/index.ts';
import { rupiah } from '../../src/domain/money.ts';
import { shuReport } from '../../src/domain/reports/shu.ts';
import { yearClosedData } from '../../src/domain/shu.ts';

const GIVEN = ['Siti', 'Ahmad', 'Wati', 'Budi', 'Sri', 'Joko', 'Nur', 'Agus', 'Dewi', 'Slamet', 'Yanti', 'Hadi'];
const FAMILY = ['Rahayu', 'Santoso', 'Wibowo', 'Lestari', 'Hidayat', 'Susanti', 'Prasetyo', 'Kurniawan'];
const INCOME_ACCOUNTS = ['4-110', '4-190', '3-120'] as const;
const COST_ACCOUNTS = ['5-100', '5-110', '5-140', '5-150', '5-190', '1-130', '2-110'] as const;

/** Relative weights: everyday money first, the rare bookkeeping acts last. */
const SHU_ALLOCATION_EVEN = { cadangan: 3_000, jasa_modal: 2_500, jasa_anggota: 2_500, pengurus: 500, karyawan: 500, pendidikan: 500, sosial: 500 };
const SHU_ALLOCATION_ODD = { cadangan: 4_500, jasa_modal: 2_000, jasa_anggota: 1_500, pengurus: 500, karyawan: 500, pendidikan: 500, sosial: 500 };

const WEIGHTS: Readonly<Record<EntryType, number>> = {
  'member.joined': 10,
  'member.updated': 4,
  'member.left': 1,
  'savings.deposited': 22,
  'savings.withdrawn': 8,
  'loan.disbursed': 6,
  'loan.repaid': 12,
  'cash.received': 8,
  'cash.paid': 8,
  'cash.transferred': 4,
  'entry.reversed': 5,
  'account.added': 1,
  'settings.changed': 1,
  'year.closed': 1,
};

export type DraftContext = {
  readonly random: SeededRandom;
  readonly ledger: LedgerState;
  /** The business date the treasurer leaves in the form: the phone's own (possibly wrong) today. */
  readonly date: BusinessDate;
  /** The instant for ids (the phone's clock). */
  readonly nowMs: number;
  readonly actor: string;
  /** A prefix that keeps this phone's member numbers apart from other phones' (mostly). */
  readonly numberPrefix: string;
  /**
   * Entries this phone may choose to reverse: its recent ledger, newest first, rejected ones
   * excluded; `shared` when the server has it (other phones may hold and reverse it too).
   */
  readonly reversible: readonly { id: string; type: EntryType; lines: number; shared: boolean }[];
  /** The pull cursor the phone holds, for member edits. */
  readonly seenCursor: string;
};

function pickType(random: SeededRandom): EntryType {
  const total = Object.values(WEIGHTS).reduce((a, b) => a + b, 0);
  let roll = random.next() * total;
  for (const [type, weight] of Object.entries(WEIGHTS) as [EntryType, number][]) {
    roll -= weight;
    if (roll < 0) return type;
  }
  return 'savings.deposited';
}

const id = <T extends string>(ctx: DraftContext): T => seededUuidv7(ctx.nowMs, ctx.random) as T;

/** One draft, or null when the phone has nothing to record it about (no member yet for a deposit). */
export function randomDraft(ctx: DraftContext): EntryDraft | null {
  const { random, ledger, date, actor } = ctx;
  const type = ledger.members.size === 0 ? 'member.joined' : pickType(random);
  const members = [...ledger.members.values()];
  const member = members.length === 0 ? undefined : random.pick(members);
  const memberId = member?.memberId as MemberId | undefined;
  const via = random.pick(VIAS);
  const base = { date, actor, id: id<EntryId>(ctx) };
  switch (type) {
    case 'member.joined': {
      // One number in twenty repeats one this phone saw: two phones enrolling the same person offline.
      const taken = members.map((m) => m.profile?.number).filter((n): n is string => n !== undefined);
      const number = taken.length > 0 && random.chance(0.05) ? random.pick(taken) : `${ctx.numberPrefix}${String(random.int(1, 99_999)).padStart(5, '0')}`;
      const name = `${random.pick(GIVEN)} ${random.pick(FAMILY)}`;
      const data = { memberId: id<MemberId>(ctx), number, name, joinedOn: date };
      return { type, ...base, data: random.chance(0.3) ? { ...data, phone: `08${String(random.int(100_000_000, 999_999_999))}` } : data };
    }
    case 'member.updated': {
      if (memberId === undefined) return null;
      const changes = random.chance(0.5)
        ? { address: `Dusun ${random.pick(['Krajan', 'Sumberan', 'Tegal', 'Kulon'])} RT ${String(random.int(1, 9))}` }
        : { name: `${random.pick(GIVEN)} ${random.pick(FAMILY)}` };
      return { type, ...base, data: { memberId, changes, seenCursor: ctx.seenCursor } };
    }
    case 'member.left':
      return memberId === undefined ? null : { type, ...base, data: { memberId, leftOn: date } };
    case 'savings.deposited':
    case 'savings.withdrawn': {
      if (memberId === undefined) return null;
      const kind = random.pick(SAVINGS_KINDS);
      const amount = rupiah(random.amount(5_000, type === 'savings.deposited' ? 2_000_000 : 600_000, 1_000));
      return { type, ...base, data: { memberId, kind, amount, via } };
    }
    case 'loan.disbursed': {
      if (memberId === undefined) return null;
      const principal = random.amount(300_000, 6_000_000, 50_000);
      const adminFee = random.chance(0.7) ? Math.floor((principal * random.int(0, 200)) / 10_000) : 0;
      return {
        type,
        ...base,
        data: {
          loanId: id<LoanId>(ctx),
          memberId,
          principal: rupiah(principal),
          months: random.int(1, 24),
          rateBp: random.int(0, 300),
          method: random.pick(LOAN_METHODS),
          firstDue: addMonthsClamped(date, 1),
          adminFee: rupiah(adminFee),
          fineBpPerDay: random.int(0, 50),
          via,
        },
      };
    }
    case 'loan.repaid': {
      const loans = [...ledger.loans.values()].filter((l) => l.memberId !== null);
      if (loans.length === 0) return null;
      const loan = random.pick(loans);
      // Mostly a part of what is outstanding; now and then more than that (a fact, flagged).
      const outstanding = Math.max(1_000, loan.outstanding);
      const principal = random.chance(0.1) ? outstanding + random.amount(1_000, 200_000, 1_000) : Math.max(1_000, Math.floor(outstanding / random.int(1, 6)));
      return {
        type,
        ...base,
        data: {
          loanId: loan.loanId as LoanId,
          memberId: (loan.memberId ?? memberId) as MemberId,
          principal: rupiah(principal),
          interest: rupiah(random.amount(0, 150_000, 500)),
          fine: rupiah(random.chance(0.2) ? random.amount(500, 20_000, 500) : 0),
          via,
        },
      };
    }
    case 'cash.received': {
      const data = { account: random.pick(INCOME_ACCOUNTS), amount: rupiah(random.amount(2_000, 1_500_000, 500)), via, memo: 'Penjualan gerai' };
      return { type, ...base, data: memberId !== undefined && random.chance(0.4) ? { ...data, memberId } : data };
    }
    case 'cash.paid':
      return {
        type,
        ...base,
        data: { account: random.pick(COST_ACCOUNTS), amount: rupiah(random.amount(2_000, 800_000, 500)), via, memo: 'Belanja operasional' },
      };
    case 'cash.transferred': {
      const to = random.pick(VIAS.filter((v) => v !== via));
      return { type, ...base, data: { from: via, to, amount: rupiah(random.amount(10_000, 3_000_000, 10_000)) } };
    }
    case 'entry.reversed': {
      const targets = ctx.reversible.filter((e) => e.type !== 'entry.reversed' && e.lines > 0);
      if (targets.length === 0) return null;
      // Half the time the newest entry the server already has: two phones that synced the same
      // day then pick the same one, and the second reversal must come back rejected, visibly.
      const shared = targets.find((e) => e.shared);
      const target = shared !== undefined && random.chance(0.5) ? shared : random.pick(targets);
      return { type, ...base, data: { entryId: target.id as EntryId, reason: 'Salah ketik jumlah' } };
    }
    case 'account.added': {
      const code = `5-${String(random.int(200, 999))}`;
      return { type, ...base, data: { code, name: `Beban kegiatan ${code}`, type: 'expense' } };
    }
    case 'settings.changed':
      return random.chance(0.5)
        ? {
            type,
            ...base,
            // Two allocations, chosen by the day (not by the random stream, which the seeds fix):
            // phones changing the setting offline must end with the server's value, and SHU shows it.
            data: { key: 'shuAllocation', value: Number(date.slice(8, 10)) % 2 === 0 ? SHU_ALLOCATION_EVEN : SHU_ALLOCATION_ODD },
          }
        : { type, ...base, data: { key: 'loanDefaults', value: { rateBp: random.int(100, 250), months: random.int(6, 18) } } };
    case 'year.closed': {
      const year = yearOf(date) - 1;
      if (year < 2000 || ledger.closedYears.has(String(year))) return null;
      return { type, ...base, data: yearClosedData(shuReport(ledger, year)) };
    }
  }
}
