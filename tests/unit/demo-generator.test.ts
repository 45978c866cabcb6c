import { beforeAll, describe, expect, it } from 'vitest';
import { isDefaultAccountCode, VIA_ACCOUNT } from '../../src/domain/chart.ts';
import { generateDemo, DEMO_SEED, DEMO_SETTING, type DemoCooperative } from '../../src/domain/demo/generate.ts';
import { signDemoChain } from '../../src/domain/demo/sign-chain.ts';
import type { Entry } from '../../src/domain/entry/schema.ts';
import { checkEntry, type ReversalInfo } from '../../src/domain/entry/validate.ts';
import { foldEntries } from '../../src/domain/ledger/index.ts';
import { runReport } from '../../src/domain/reports/index.ts';
import { generateDeviceKeyPair } from '../../src/domain/signing.ts';

const UNTIL = '2026-11-29';
const COOP = '7b0c5f6e-3a41-4c2e-9d55-0a6b1f2e3c4d';
const DEVICE = '1f2e3d4c-5b6a-4978-8a1b-2c3d4e5f6a7b';

let demo: DemoCooperative;
let entries: Entry[];
let publicKey: CryptoKey;

beforeAll(async () => {
  demo = generateDemo({ seed: DEMO_SEED, until: UNTIL });
  const keys = await generateDeviceKeyPair();
  publicKey = keys.publicKey;
  entries = await signDemoChain(demo.drafts, { cooperativeId: COOP, deviceId: DEVICE, privateKey: keys.privateKey });
});

describe('the demo cooperative generator', () => {
  it('is deterministic: the same seed and end date give the same drafts, ids included', () => {
    const again = generateDemo({ seed: DEMO_SEED, until: UNTIL });
    expect(again.drafts).toEqual(demo.drafts);
    const other = generateDemo({ seed: DEMO_SEED + 1, until: UNTIL });
    expect(other.drafts.map((d) => d.id)).not.toEqual(demo.drafts.map((d) => d.id));
  });

  it('has the size the brief asks for: ~60 members, 24 months, ~40 loans, one reversal, closed years', () => {
    const count = (type: string) => demo.drafts.filter((d) => d.type === type).length;
    expect(count('member.joined')).toBe(60);
    expect(count('loan.disbursed')).toBeGreaterThanOrEqual(35);
    expect(count('loan.repaid')).toBeGreaterThan(150);
    expect(count('entry.reversed')).toBe(1);
    expect(count('year.closed')).toBe(2);
    expect(count('member.left')).toBe(2);
    expect(demo.from).toBe('2024-12-01');
    const dates = demo.drafts.map((d) => d.date);
    expect([...dates].sort()).toEqual(dates);
    expect(dates.at(-1)).toBe(UNTIL);
    const methods = new Set(demo.drafts.flatMap((d) => (d.type === 'loan.disbursed' ? [d.data.method] : [])));
    expect([...methods].sort()).toEqual(['anuitas', 'flat', 'menurun']);
    const demoMark = demo.drafts.find((d) => d.type === 'settings.changed' && d.data.key === DEMO_SETTING);
    expect(demoMark?.type === 'settings.changed' ? demoMark.data.value : undefined).toEqual({ seed: DEMO_SEED, until: UNTIL });
  });

  it('signs into one chain that passes the receiver’s full structural check, entry by entry', async () => {
    const seen = new Map<string, ReversalInfo>();
    let previous: { seq: number; hash: string } | undefined;
    for (const entry of entries) {
      const verdict = await checkEntry(JSON.parse(JSON.stringify(entry)), {
        expectedCooperativeId: COOP,
        expectedDeviceId: DEVICE,
        devicePublicKey: publicKey,
        previous,
        accountExists: isDefaultAccountCode,
        findEntry: (id) => seen.get(id),
      });
      expect(verdict.status, `${entry.type} seq ${String(entry.seq)}`).toBe('valid');
      seen.set(entry.id, { type: entry.type, lines: entry.lines, reversedBy: undefined });
      if (entry.type === 'entry.reversed') {
        const target = seen.get(entry.data.entryId);
        if (target !== undefined) seen.set(entry.data.entryId, { ...target, reversedBy: entry.id });
      }
      previous = { seq: entry.seq, hash: entry.hash };
    }
    expect(previous?.seq).toBe(demo.drafts.length);
  });

  it('never pays out money the cooperative does not hold (cash, bank, QRIS stay ≥ 0 after every entry)', () => {
    const money = new Map<string, number>(Object.values(VIA_ACCOUNT).map((code) => [code, 0]));
    let lowest = 0;
    for (const entry of entries) {
      for (const line of entry.lines) {
        const balance = money.get(line.account);
        if (balance === undefined) continue;
        const next = balance + line.debit - line.credit;
        money.set(line.account, next);
        lowest = Math.min(lowest, next);
      }
    }
    expect(lowest).toBe(0);
    expect(money.get('1-101')).toBeGreaterThan(0);
  });

  it('folds into books that balance, with no review flags, a spread of loan quality and members behind on wajib', () => {
    const state = foldEntries(entries);
    const sheet = runReport('balance-sheet', state, { asOf: UNTIL });
    if (!sheet.ok) throw new Error(sheet.error.code);
    const { assets, liabilities, equity } = sheet.body.totals;
    expect(assets).toBe(liabilities + equity);
    expect(assets).toBeGreaterThan(100_000_000);
    // Savings liabilities and equity in their natural sign.
    for (const code of ['2-101', '3-101', '3-102', '1-110']) {
      expect(sheet.body.accounts.find((a) => a.code === code)?.balance).toBeGreaterThan(0);
    }

    const flags = runReport('flags', state, {});
    if (!flags.ok) throw new Error(flags.error.code);
    expect(flags.body.flags).toEqual([]);

    const loans = runReport('loans', state, { asOf: UNTIL });
    if (!loans.ok) throw new Error(loans.error.code);
    const classes = new Set(loans.body.loans.filter((l) => l.outstanding > 0).map((l) => l.collectibility));
    expect([...classes].sort()).toEqual(['diragukan', 'kurang_lancar', 'lancar', 'macet']);

    const members = runReport('members', state, { asOf: UNTIL });
    if (!members.ok) throw new Error(members.error.code);
    expect(members.body.members.filter((m) => m.status === 'left')).toHaveLength(2);
    for (const m of members.body.members.filter((x) => x.status === 'left')) {
      expect(m.savings).toEqual({ pokok: 0, wajib: 0, sukarela: 0 });
    }
    const wajib = members.body.members.filter((m) => m.status !== 'left').map((m) => m.savings.wajib);
    expect(Math.min(...wajib)).toBeLessThan(Math.max(...wajib));

    const shu = runReport('shu', state, { year: 2025 });
    if (!shu.ok) throw new Error(shu.error.code);
    expect(shu.body.shu).toBeGreaterThan(0);
    const income = runReport('income-statement', state, { from: '2025-01-01', to: '2025-12-31' });
    if (!income.ok) throw new Error(income.error.code);
    expect(income.body.shu).toBe(shu.body.shu);
  });

  it('scales down for quick loads (tests, a slow phone) and stays valid', () => {
    const small = generateDemo({ seed: 7, until: '2026-03-10', members: 6, months: 3, loans: 2 });
    expect(small.drafts.filter((d) => d.type === 'member.joined')).toHaveLength(6);
    expect(small.from).toBe('2026-01-01');
    expect(small.drafts.length).toBeLessThan(400);
  });
});
