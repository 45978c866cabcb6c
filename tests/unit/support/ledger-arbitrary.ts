/**
 * Random, structurally valid entry sequences for the ledger properties. fast-check generates a
 * script of abstract steps; `play` turns it into entries with real references (members and loans
 * that exist, or deliberately do not), dates spread over 2025–2026 in any order (back-dating
 * happens), and reversals of earlier entries not yet reversed.
 *
 * Not generated, because upstream rejects them structurally: a second reversal, a reversal of a
 * reversal, an `account.added` for an existing code. Loan ids are never reused for a disbursal, so
 * the loans list reconciles with account 1-110.
 */
import fc from 'fast-check';
import type { Entry } from '../../../src/domain/entry/schema.ts';
import { Book, DEVICE_A, DEVICE_B, loanId, memberId } from './ledger-book.ts';

const VIA = ['cash', 'bank', 'qris'] as const;
const KIND = ['pokok', 'wajib', 'sukarela'] as const;
const METHOD = ['flat', 'menurun', 'anuitas'] as const;
const RECEIVED_ACCOUNTS = ['4-110', '4-190', '3-120', '2-110', '4-110'] as const;
const PAID_ACCOUNTS = ['5-100', '5-150', '5-190', '1-130', '2-110', '1-160'] as const;

const day = fc.integer({ min: 0, max: 729 });
const amount = fc.integer({ min: 1, max: 2_000_000 });
const member = fc.integer({ min: 0, max: 7 });
const via = fc.constantFrom(...VIA);

export type Step =
  | { t: 'join'; member: number; day: number }
  | { t: 'deposit'; member: number; kind: (typeof KIND)[number]; amount: number; via: (typeof VIA)[number]; day: number }
  | { t: 'withdraw'; member: number; kind: (typeof KIND)[number]; amount: number; via: (typeof VIA)[number]; day: number }
  | { t: 'loan'; member: number; principal: number; months: number; rateBp: number; method: (typeof METHOD)[number]; feePct: number; via: (typeof VIA)[number]; day: number }
  | { t: 'repay'; loan: number; principal: number; interest: number; fine: number; via: (typeof VIA)[number]; day: number }
  | { t: 'received'; account: number; amount: number; via: (typeof VIA)[number]; member: number | null; day: number }
  | { t: 'paid'; account: number; amount: number; via: (typeof VIA)[number]; day: number }
  | { t: 'transfer'; from: number; to: number; amount: number; day: number }
  | { t: 'leave'; member: number; day: number }
  | { t: 'edit'; member: number; day: number; b: boolean }
  | { t: 'setting'; day: number; valid: boolean }
  | { t: 'close'; year: 2025 | 2026; shu: number; day: number }
  | { t: 'addAccount'; day: number }
  | { t: 'reverse'; pick: number; day: number };

export const stepArb: fc.Arbitrary<Step> = fc.oneof(
  { arbitrary: fc.record({ t: fc.constant('join' as const), member, day }), weight: 5 },
  { arbitrary: fc.record({ t: fc.constant('deposit' as const), member, kind: fc.constantFrom(...KIND), amount, via, day }), weight: 5 },
  { arbitrary: fc.record({ t: fc.constant('withdraw' as const), member, kind: fc.constantFrom(...KIND), amount, via, day }), weight: 2 },
  {
    arbitrary: fc.record({
      t: fc.constant('loan' as const),
      member,
      principal: fc.integer({ min: 100_000, max: 20_000_000 }),
      months: fc.integer({ min: 1, max: 24 }),
      rateBp: fc.integer({ min: 0, max: 400 }),
      method: fc.constantFrom(...METHOD),
      feePct: fc.integer({ min: 0, max: 5 }),
      via,
      day,
    }),
    weight: 2,
  },
  {
    arbitrary: fc.record({
      t: fc.constant('repay' as const),
      loan: fc.integer({ min: 0, max: 5 }),
      principal: amount,
      interest: fc.integer({ min: 0, max: 200_000 }),
      fine: fc.integer({ min: 0, max: 20_000 }),
      via,
      day,
    }),
    weight: 4,
  },
  {
    arbitrary: fc.record({
      t: fc.constant('received' as const),
      account: fc.integer({ min: 0, max: RECEIVED_ACCOUNTS.length - 1 }),
      amount,
      via,
      member: fc.option(member, { nil: null }),
      day,
    }),
    weight: 3,
  },
  { arbitrary: fc.record({ t: fc.constant('paid' as const), account: fc.integer({ min: 0, max: PAID_ACCOUNTS.length - 1 }), amount, via, day }), weight: 3 },
  { arbitrary: fc.record({ t: fc.constant('transfer' as const), from: fc.integer({ min: 0, max: 2 }), to: fc.integer({ min: 1, max: 2 }), amount, day }), weight: 1 },
  { arbitrary: fc.record({ t: fc.constant('leave' as const), member, day }), weight: 1 },
  { arbitrary: fc.record({ t: fc.constant('edit' as const), member, day, b: fc.boolean() }), weight: 1 },
  { arbitrary: fc.record({ t: fc.constant('setting' as const), day, valid: fc.boolean() }), weight: 1 },
  { arbitrary: fc.record({ t: fc.constant('close' as const), year: fc.constantFrom(2025 as const, 2026 as const), shu: amount, day }), weight: 1 },
  { arbitrary: fc.record({ t: fc.constant('addAccount' as const), day }), weight: 1 },
  { arbitrary: fc.record({ t: fc.constant('reverse' as const), pick: fc.nat(), day }), weight: 3 },
);

export const scriptArb = (maxLength = 60): fc.Arbitrary<Step[]> => fc.array(stepArb, { minLength: 1, maxLength });

const BASE = Date.UTC(2025, 0, 1);
export const dateOf = (offset: number): string => new Date(BASE + offset * 86_400_000).toISOString().slice(0, 10);

/** Turns a script into entries. Deterministic: the same script gives the same entries. */
export function play(script: readonly Step[]): Entry[] {
  const book = new Book();
  const reversible: Entry[] = [];
  let loans = 0;
  let accounts = 0;
  let edits = 0;
  for (const step of script) {
    const date = dateOf(step.day);
    const device = step.day % 2 === 0 ? DEVICE_A : DEVICE_B;
    let made: Entry | undefined;
    switch (step.t) {
      case 'join':
        made = book.make('member.joined', date, {
          memberId: memberId(step.member),
          number: `A-${step.member % 6}`,
          name: `Anggota ${step.member}`,
          joinedOn: date,
        });
        break;
      case 'deposit':
        made = book.make('savings.deposited', date, { memberId: memberId(step.member), kind: step.kind, amount: step.amount, via: step.via });
        break;
      case 'withdraw':
        made = book.make('savings.withdrawn', date, { memberId: memberId(step.member), kind: step.kind, amount: step.amount, via: step.via });
        break;
      case 'loan':
        made = book.make('loan.disbursed', date, {
          loanId: loanId(loans++),
          memberId: memberId(step.member),
          principal: step.principal,
          months: step.months,
          rateBp: step.rateBp,
          method: step.method,
          firstDue: dateOf(step.day + 30),
          adminFee: Math.floor((step.principal * step.feePct) / 100),
          fineBpPerDay: 10,
          via: step.via,
        });
        break;
      case 'repay':
        made = book.make('loan.repaid', date, {
          // Sometimes a loan not disbursed (yet): exercises loan-unknown.
          loanId: loanId(step.loan),
          memberId: memberId(step.loan % 8),
          principal: step.principal,
          interest: step.interest,
          fine: step.fine,
          via: step.via,
        });
        break;
      case 'received': {
        const account = RECEIVED_ACCOUNTS[step.account] ?? '4-110';
        made = book.make('cash.received', date, {
          account,
          amount: step.amount,
          via: step.via,
          memo: 'Penerimaan',
          ...(step.member === null ? {} : { memberId: memberId(step.member) }),
        });
        break;
      }
      case 'paid':
        made = book.make('cash.paid', date, { account: PAID_ACCOUNTS[step.account] ?? '5-150', amount: step.amount, via: step.via, memo: 'Pengeluaran' });
        break;
      case 'transfer': {
        const from = VIA[step.from] ?? 'cash';
        const to = VIA[(step.from + step.to) % 3] ?? 'bank';
        made = book.make('cash.transferred', date, { from, to, amount: step.amount });
        break;
      }
      case 'leave':
        made = book.make('member.left', date, { memberId: memberId(step.member), leftOn: date });
        break;
      case 'edit':
        made = book.make(
          'member.updated',
          date,
          { memberId: memberId(step.member), changes: { name: `Nama ${edits++}` }, seenCursor: String(step.day % 5) },
          { device: step.b ? DEVICE_B : DEVICE_A },
        );
        break;
      case 'setting':
        made = book.make('settings.changed', date, {
          key: 'collectibility',
          value: step.valid ? { lancar: 30, kurang_lancar: 60, diragukan: 90 } : { lancar: 90, kurang_lancar: 60, diragukan: 30 },
        });
        break;
      case 'close':
        made = book.make('year.closed', date, {
          year: step.year,
          shu: step.shu,
          funds: [
            { fund: 'cadangan', amount: step.shu - Math.floor(step.shu / 2) },
            { fund: 'sosial', amount: 0 },
          ],
          members: [{ memberId: memberId(0), capital: Math.floor(step.shu / 2), patronage: 0 }],
        });
        break;
      case 'addAccount': {
        const code = `5-2${String(accounts++).padStart(2, '0')}`;
        made = book.make('account.added', date, { code, name: `Beban ${code}`, type: 'expense' });
        book.make('cash.paid', date, { account: code, amount: 1_000 + accounts, via: 'cash', memo: 'Akun baru' });
        break;
      }
      case 'reverse': {
        if (reversible.length === 0) break;
        const k = step.pick % reversible.length;
        const [target] = reversible.splice(k, 1);
        if (target !== undefined) book.reverse(target, date, { device });
        break;
      }
    }
    if (made !== undefined) reversible.push(made);
  }
  return book.entries;
}
