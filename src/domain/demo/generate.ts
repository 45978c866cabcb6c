/**
 * The demo cooperative: "Koperasi Desa Sumber Makmur (DEMO)" in Kabupaten Malang, two years of
 * books ending on a chosen date, as entry drafts. Pure and deterministic: the same seed and end date
 * give the same drafts, ids included, on the phone ("Muat koperasi contoh") and on the server
 * (`npm start -- --demo`).
 *
 * What it holds, day by day: the founding meeting's settings and a village grant, members joining
 * with their simpanan pokok, monthly simpanan wajib (some members fall behind), sukarela deposits
 * and withdrawals, about forty loans across the three methods with on-time, late, stopped and early
 * repayments, the gerai's daily sales and weekly restocking, monthly honoraria and running costs,
 * cash moved to the bank, two members leaving with their savings returned, one mistaken deposit
 * reversed, and each finished year closed at the RAT with its SHU divided.
 */
import { addDays, addMonthsClamped, compareDates, daysBetween, formatDateId, yearOf, type BusinessDate } from '../dates.ts';
import { DEFAULT_COLLECTIBILITY } from '../collectibility.ts';
import type { LoanMethod, SavingsKind, Via } from '../entry/schema.ts';
import type { LoanId, MemberId } from '../ids.ts';
import { rupiah } from '../money.ts';
import { shuReport } from '../reports/shu.ts';
import { DEFAULT_SHU_ALLOCATION, yearClosedData } from '../shu.ts';
import { DemoBook, type DemoDraft } from './demo-draft.ts';
import { DEMO_SETTING } from './demo-setting.ts';
import { DEMO_ADMIN_FEE_BP, DEMO_FINE_BP_PER_DAY, pickBehaviour, planRepayments, planTerms, type PlannedRepayment } from './demo-loans.ts';
import { DEMO_PROFILE, DUSUN, FAMILY_NAMES, GIVEN_NAMES_MEN, GIVEN_NAMES_WOMEN } from './people.ts';
import { SeededRandom } from './prng.ts';

export { type DemoDraft } from './demo-draft.ts';
export { DEMO_PROFILE } from './people.ts';

/** The seed of "the" demo: phones and the server use it unless told otherwise. */
export const DEMO_SEED = 20_261_129;
export { DEMO_SETTING };

export const DEMO_POKOK = 100_000;
export const DEMO_WAJIB = 25_000;

export type DemoOptions = {
  readonly seed: number;
  /** The last business date of the demo's books (usually today). */
  readonly until: BusinessDate;
  readonly members?: number;
  readonly months?: number;
  readonly loans?: number;
};

export type DemoCooperative = {
  readonly profile: typeof DEMO_PROFILE;
  readonly seed: number;
  readonly from: BusinessDate;
  readonly until: BusinessDate;
  readonly drafts: readonly DemoDraft[];
};

type Habit = 'rajin' | 'kadang' | 'lalai';
const WAJIB_PAYS: Readonly<Record<Habit, number>> = { rajin: 0.98, kadang: 0.85, lalai: 0.55 };

type DemoMember = {
  id: MemberId;
  number: string;
  name: string;
  joinedOn: BusinessDate;
  habit: Habit;
  payDay: number;
  savings: Record<SavingsKind, number>;
  leavesOn: BusinessDate | null;
  leftOn: BusinessDate | null;
  /** Last day the member owes on a loan (open-ended for a loan that stopped being paid). */
  loanUntil: BusinessDate | null;
};

type Repayment = PlannedRepayment & { loanId: LoanId; memberId: MemberId };

const METHODS: readonly LoanMethod[] = ['flat', 'menurun', 'anuitas'];
const FAR_FUTURE = '9999-12-31';

export function generateDemo(options: DemoOptions): DemoCooperative {
  const random = new SeededRandom(options.seed);
  const months = options.months ?? 24;
  const memberCount = options.members ?? 60;
  const loanCount = options.loans ?? Math.round((memberCount * 2) / 3);
  const until = options.until;
  const from = addMonthsClamped(`${until.slice(0, 8)}01`, -(months - 1));
  const book = new DemoBook(random, DEMO_PROFILE.treasurer);
  const span = daysBetween(from, until);

  const members = planMembers(random, book, memberCount, from, until, span);
  const joins = groupBy(members, (m) => m.joinedOn);
  const loanDays = groupBy(
    Array.from({ length: loanCount }, (_, k) => ({ k, day: addDays(from, random.int(40, Math.max(41, span - 20))) })),
    (l) => l.day,
  );
  const repayments = new Map<BusinessDate, Repayment[]>();
  const mistakeDay = addDays(from, Math.min(span, 130));
  let weekSales = 0;
  let loansMade = 0;

  for (let day = from; compareDates(day, until) <= 0; day = addDays(day, 1)) {
    const dom = Number(day.slice(8, 10));
    if (day === from) foundingMeeting(book, day, options.seed, until);

    for (const member of joins.get(day) ?? []) {
      book.emit(day, 'member.joined', {
        memberId: member.id,
        number: member.number,
        name: member.name,
        phone: `08${String(random.int(11, 59))}${String(random.int(1_000_000, 9_999_999))}`,
        address: `Dusun ${random.pick(DUSUN)} RT 0${String(random.int(1, 6))}/RW 0${String(random.int(1, 4))}, ${DEMO_PROFILE.village}`,
        joinedOn: day,
      });
      deposit(book, day, member, 'pokok', DEMO_POKOK, 'cash');
    }

    for (const member of members) {
      if (!isActive(member, day) || member.joinedOn === day) continue;
      if (dom === member.payDay && random.chance(WAJIB_PAYS[member.habit])) {
        deposit(book, day, member, 'wajib', DEMO_WAJIB, random.chance(0.85) ? 'cash' : 'qris');
        if (random.chance(member.habit === 'rajin' ? 0.35 : 0.1)) {
          deposit(book, day, member, 'sukarela', random.amount(20_000, 500_000, 10_000), 'cash');
        }
      }
    }

    if (day === mistakeDay) correctMistake(book, day, members);
    if (random.chance(0.07)) withdrawSukarela(book, day, random, members);

    for (const r of repayments.get(day) ?? []) {
      book.emit(day, 'loan.repaid', { loanId: r.loanId, memberId: r.memberId, principal: rupiah(r.principal), interest: rupiah(r.interest), fine: rupiah(r.fine), via: random.chance(0.8) ? 'cash' : 'bank' }, true);
    }

    for (const _ of loanDays.get(day) ?? []) {
      const made = disburse(book, day, random, members, METHODS[loansMade % METHODS.length] ?? 'flat', until, repayments, loansMade);
      if (made) loansMade++;
    }

    for (const member of members) {
      if (member.leavesOn === day) leave(book, day, member);
    }

    weekSales += shopDay(book, day, random, members);
    if (new Date(`${day}T00:00:00Z`).getUTCDay() === 1 && weekSales > 0) {
      restock(book, day, Math.floor((weekSales * 7) / 10 / 1_000) * 1_000);
      weekSales = 0;
    }
    if (dom === 25) monthlyCosts(book, day, random);
    if (day.slice(5) === '03-15' && yearOf(day) - 1 >= yearOf(from)) closeYear(book, day, yearOf(day) - 1);
    moveMoney(book, day, dom === 28);
  }

  return { profile: DEMO_PROFILE, seed: options.seed, from, until, drafts: book.drafts };
}

function planMembers(random: SeededRandom, book: DemoBook, count: number, from: BusinessDate, until: BusinessDate, span: number): DemoMember[] {
  const founders = Math.ceil(count * 0.6);
  const members: DemoMember[] = [];
  const used = new Set<string>();
  for (let k = 0; k < count; k++) {
    const joinedOn = k < founders ? addDays(from, random.int(0, 13)) : addDays(from, random.int(30, Math.max(31, span - 30)));
    let name: string;
    do {
      const given = random.chance(0.55) ? random.pick(GIVEN_NAMES_WOMEN) : random.pick(GIVEN_NAMES_MEN);
      name = `${given} ${random.pick(FAMILY_NAMES)}`;
    } while (used.has(name) && used.size < 300);
    used.add(name);
    const roll = random.next();
    members.push({
      id: book.idAt(joinedOn) as MemberId,
      number: '',
      name,
      joinedOn,
      habit: roll < 0.7 ? 'rajin' : roll < 0.9 ? 'kadang' : 'lalai',
      payDay: random.int(3, 20),
      savings: { pokok: 0, wajib: 0, sukarela: 0 },
      leavesOn: null,
      leftOn: null,
      loanUntil: null,
    });
  }
  // Numbers in joining order, as a treasurer hands them out.
  members.sort((a, b) => compareDates(a.joinedOn, b.joinedOn));
  members.forEach((m, k) => (m.number = `SM-${String(k + 1).padStart(3, '0')}`));
  // Two founders leave late in the demo; they never borrow, so nothing stands in the way.
  const leaveDays = [Math.floor(span * 0.7), Math.floor(span * 0.85)];
  for (const [k, offset] of leaveDays.entries()) {
    const member = members[1 + k * 3];
    if (member !== undefined && count >= 6) member.leavesOn = addDays(from, offset);
  }
  if (compareDates(addDays(from, span), until) !== 0) throw new RangeError('demo span mismatch');
  return members;
}

function foundingMeeting(book: DemoBook, day: BusinessDate, seed: number, until: BusinessDate): void {
  const { name, village, district, address, treasurer } = DEMO_PROFILE;
  book.emit(day, 'settings.changed', { key: DEMO_SETTING, value: { seed, until } });
  book.emit(day, 'settings.changed', { key: 'profile', value: { name, village, district, address, treasurer } });
  book.emit(day, 'settings.changed', { key: 'simpananPokok', value: DEMO_POKOK });
  book.emit(day, 'settings.changed', { key: 'simpananWajib', value: DEMO_WAJIB });
  book.emit(day, 'settings.changed', {
    key: 'loanDefaults',
    value: { rateBp: 150, months: 12, method: 'flat', adminFeeBp: DEMO_ADMIN_FEE_BP, fineBpPerDay: DEMO_FINE_BP_PER_DAY },
  });
  book.emit(day, 'settings.changed', { key: 'shuAllocation', value: { ...DEFAULT_SHU_ALLOCATION } });
  book.emit(day, 'settings.changed', { key: 'collectibility', value: { ...DEFAULT_COLLECTIBILITY } });
  book.emit(day, 'cash.received', { account: '3-120', amount: rupiah(30_000_000), via: 'bank', memo: 'Hibah Dana Desa untuk modal awal koperasi' });
}

function isActive(member: DemoMember, day: BusinessDate): boolean {
  return compareDates(member.joinedOn, day) <= 0 && member.leftOn === null;
}

function deposit(book: DemoBook, day: BusinessDate, member: DemoMember, kind: SavingsKind, amount: number, via: Via): void {
  book.emit(day, 'savings.deposited', { memberId: member.id, kind, amount: rupiah(amount), via }, true);
  member.savings[kind] += amount;
}

function withdraw(book: DemoBook, day: BusinessDate, member: DemoMember, kind: SavingsKind, amount: number): boolean {
  const via = book.payerFor(amount);
  if (via === null || amount <= 0 || amount > member.savings[kind]) return false;
  book.emit(day, 'savings.withdrawn', { memberId: member.id, kind, amount: rupiah(amount), via }, true);
  member.savings[kind] -= amount;
  return true;
}

/** A deposit typed with one zero too many, reversed the same morning, then recorded right. */
function correctMistake(book: DemoBook, day: BusinessDate, members: readonly DemoMember[]): void {
  const member = members.find((m) => isActive(m, day));
  if (member === undefined) return;
  const wrong = book.emit(day, 'savings.deposited', { memberId: member.id, kind: 'sukarela', amount: rupiah(1_000_000), via: 'cash' }, true);
  book.emit(day, 'entry.reversed', { entryId: wrong, reason: 'Salah ketik nominal: seharusnya Rp100.000' });
  deposit(book, day, member, 'sukarela', 100_000, 'cash');
}

function withdrawSukarela(book: DemoBook, day: BusinessDate, random: SeededRandom, members: readonly DemoMember[]): void {
  const savers = members.filter((m) => isActive(m, day) && m.savings.sukarela >= 100_000);
  if (savers.length === 0) return;
  const member = random.pick(savers);
  withdraw(book, day, member, 'sukarela', random.amount(50_000, member.savings.sukarela, 10_000));
}

function disburse(
  book: DemoBook,
  day: BusinessDate,
  random: SeededRandom,
  members: readonly DemoMember[],
  method: LoanMethod,
  until: BusinessDate,
  repayments: Map<BusinessDate, Repayment[]>,
  loanNumber: number,
): boolean {
  const eligible = members.filter(
    (m) =>
      isActive(m, day) &&
      m.leavesOn === null &&
      daysBetween(m.joinedOn, day) >= 30 &&
      (m.loanUntil === null || compareDates(m.loanUntil, day) < 0),
  );
  if (eligible.length === 0) return false;
  const member = random.pick(eligible);
  const terms = planTerms(random, method, day);
  const via = book.payerFor(terms.principal - terms.adminFee, 'cash');
  if (via === null) return false;
  const loanId = book.idAt(day) as LoanId;
  book.emit(
    day,
    'loan.disbursed',
    {
      loanId,
      memberId: member.id,
      principal: rupiah(terms.principal),
      months: terms.months,
      rateBp: terms.rateBp,
      method: terms.method,
      firstDue: terms.firstDue,
      adminFee: rupiah(terms.adminFee),
      fineBpPerDay: terms.fineBpPerDay,
      via,
    },
    true,
  );
  const behaviour = pickBehaviour(random, loanNumber);
  const plan = planRepayments(random, terms, behaviour, until);
  const paidOff = plan.reduce((total, r) => total + r.principal, 0) === terms.principal;
  member.loanUntil = paidOff ? (plan.at(-1)?.date ?? FAR_FUTURE) : FAR_FUTURE;
  for (const r of plan) {
    const list = repayments.get(r.date) ?? [];
    list.push({ ...r, loanId, memberId: member.id });
    repayments.set(r.date, list);
  }
  return true;
}

/**
 * Leaving, in the order the Anggota screen records it: the departure first (pokok and wajib may
 * only be handed back once a member has left), then each kind of savings paid out.
 */
function leave(book: DemoBook, day: BusinessDate, member: DemoMember): void {
  book.emit(day, 'member.left', { memberId: member.id, leftOn: day });
  for (const kind of ['sukarela', 'wajib', 'pokok'] as const) {
    if (member.savings[kind] > 0) withdraw(book, day, member, kind, member.savings[kind]);
  }
  member.leftOn = day;
}

/** The gerai's takings of the day, and now and then a member's own purchase (counts for SHU). */
function shopDay(book: DemoBook, day: BusinessDate, random: SeededRandom, members: readonly DemoMember[]): number {
  const sales = random.amount(150_000, 750_000, 5_000);
  const via: Via = random.chance(0.2) ? 'qris' : 'cash';
  book.emit(day, 'cash.received', { account: '4-110', amount: rupiah(sales), via, memo: `Penjualan gerai ${formatDateId(day)}` });
  let total = sales;
  if (random.chance(0.3)) {
    const buyers = members.filter((m) => isActive(m, day));
    if (buyers.length > 0) {
      const member = random.pick(buyers);
      const amount = random.amount(50_000, 400_000, 5_000);
      book.emit(day, 'cash.received', { account: '4-110', amount: rupiah(amount), via: 'cash', memo: `Pembelian pupuk dan sembako ${member.name}`, memberId: member.id });
      total += amount;
    }
  }
  return total;
}

function restock(book: DemoBook, day: BusinessDate, amount: number): void {
  const via = book.payerFor(amount);
  if (via === null || amount <= 0) return;
  book.emit(day, 'cash.paid', { account: '5-100', amount: rupiah(amount), via, memo: 'Belanja stok gerai (pupuk, beras, minyak goreng)' });
}

function monthlyCosts(book: DemoBook, day: BusinessDate, random: SeededRandom): void {
  const costs = [
    { account: '5-110', amount: 1_500_000, memo: 'Honor pengurus dan penjaga gerai', prefer: 'bank' as const },
    { account: '5-150', amount: random.amount(150_000, 350_000, 5_000), memo: 'Listrik, ATK dan transport', prefer: 'cash' as const },
  ];
  for (const cost of costs) {
    const via = book.payerFor(cost.amount, cost.prefer);
    if (via !== null) book.emit(day, 'cash.paid', { account: cost.account, amount: rupiah(cost.amount), via, memo: cost.memo });
  }
}

/** The RAT in March: its costs, then the year's SHU divided with the allocation in force. */
function closeYear(book: DemoBook, day: BusinessDate, year: number): void {
  const via = book.payerFor(750_000);
  if (via !== null) book.emit(day, 'cash.paid', { account: '5-140', amount: rupiah(750_000), via, memo: `Rapat Anggota Tahunan tahun buku ${String(year)}` });
  const closing = yearClosedData(shuReport(book.state, year));
  book.emit(day, 'year.closed', closing);
  // The members' SHU (2-150) is paid out at the RAT, in cash where the box holds it.
  const owed = closing.members.reduce((total, m) => total + m.capital + m.patronage, 0);
  const payer = owed > 0 ? book.payerFor(owed) : null;
  if (payer !== null) book.emit(day, 'cash.paid', { account: '2-150', amount: rupiah(owed), via: payer, memo: `Pembayaran SHU anggota tahun buku ${String(year)}` });
}

/** Cash above what the box should hold goes to the bank; QRIS takings are swept monthly; a thin box is refilled. */
function moveMoney(book: DemoBook, day: BusinessDate, sweepQris: boolean): void {
  const cash = book.balance('cash');
  if (cash > 12_000_000) {
    book.emit(day, 'cash.transferred', { from: 'cash', to: 'bank', amount: rupiah(Math.floor((cash - 5_000_000) / 100_000) * 100_000) });
  } else if (cash < 1_500_000 && book.balance('bank') > 6_000_000) {
    book.emit(day, 'cash.transferred', { from: 'bank', to: 'cash', amount: rupiah(3_000_000) });
  }
  const qris = book.balance('qris');
  if (sweepQris && qris > 0) book.emit(day, 'cash.transferred', { from: 'qris', to: 'bank', amount: rupiah(qris) });
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const list = out.get(key(item)) ?? [];
    list.push(item);
    out.set(key(item), list);
  }
  return out;
}
