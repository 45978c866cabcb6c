/**
 * The SHU read model's chunk maths (src/domain/reports/shu-chunks.ts): chunks kept by folding
 * each entry's member month and member row changes equal chunks rebuilt from the
 * whole ledger, and the SHU computed from them equals `shuReport` on the whole ledger — which is
 * what the server folds and answers from. Over random entry sequences (back-dating, reversals,
 * withdrawals, members who left, purchases by member ids that never joined; generator:
 * support/ledger-arbitrary.ts), and over random month changes of many members, so that chunks hold
 * many members and members are inserted into and removed from the middle of their columns.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyEntry, emptyLedger, type MemberPeriodRow, type MemberRow } from '../../src/domain/ledger/index.ts';
import { rupiah } from '../../src/domain/money.ts';
import { MEMBER_CHUNKS, memberChunkOf } from '../../src/domain/reports/member-chunks.ts';
import { foldIntoShuChunks, labelsFromChunks, memberBasesFromChunks, shuChunksOf, type ShuChunk } from '../../src/domain/reports/shu-chunks.ts';
import { shuReport, shuReportFromBases } from '../../src/domain/reports/shu.ts';
import { memberLabel } from '../../src/features/reports/member-label.ts';
import { play, scriptArb } from './support/ledger-arbitrary.ts';

/** Applies changed chunks to a stored set, as the phone's writer puts and deletes their rows. */
function store(into: Map<string, ShuChunk>, changed: ReadonlyMap<string, ShuChunk | undefined>): void {
  for (const [k, chunk] of changed) {
    if (chunk === undefined) into.delete(k);
    else into.set(k, chunk);
  }
}

const YEARS = [2023, 2024, 2025, 2026, 2027];

describe('SHU bases in column chunks', () => {
  it('folded entry by entry, equal the chunks of the whole ledger, and give shuReport’s SHU for every year', () => {
    fc.assert(
      fc.property(scriptArb(), (script) => {
        const state = emptyLedger();
        const chunks = new Map<string, ShuChunk>();
        for (const entry of play(script)) {
          // The fold changes month rows in place: what the store held before is a copy taken now.
          const before = new Map([...state.memberPeriods].map(([k, row]): [string, MemberPeriodRow] => [k, structuredClone(row)]));
          const { touched } = applyEntry(state, entry);
          const months = touched.memberPeriods.map((key) => ({ key, before: before.get(key), after: state.memberPeriods.get(key) }));
          const members = touched.members.map((memberId) => ({ memberId, after: state.members.get(memberId) }));
          store(chunks, foldIntoShuChunks(chunks, months, members));
        }
        expect(chunks).toEqual(shuChunksOf(state.memberPeriods.values(), state.members.values()));
        for (const year of YEARS) {
          expect(shuReportFromBases(state, year, memberBasesFromChunks(chunks.values(), year))).toEqual(shuReport(state, year));
        }
        const named = labelsFromChunks(chunks.values());
        for (const member of state.members.values()) expect(named.get(member.memberId) ?? '?').toBe(memberLabel(state, member.memberId, '?'));
      }),
      { numRuns: 120 },
    );
  });

  it('many members’ month changes (any order, undone, moved to zero) fold into the same chunks a rebuild makes, with the same bases', () => {
    const change = fc.record({
      // Few keys for many changes: a month is often changed again, erased and written anew.
      member: fc.integer({ min: 0, max: 149 }),
      year: fc.constantFrom(...YEARS),
      month: fc.integer({ min: 1, max: 2 }),
      capital: fc.integer({ min: -3_000_000, max: 3_000_000 }),
      patronage: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 900_000 })),
      erase: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(change, { minLength: 1, maxLength: 600, size: 'max' }), fc.constantFrom(...YEARS), (changes, year) => {
        const months = new Map<string, MemberPeriodRow>();
        const chunks = new Map<string, ShuChunk>();
        for (const c of changes) {
          const memberId = `0190aaaa-0000-7000-8000-${String(c.member).padStart(12, '0')}`;
          const period = `${String(c.year)}-${String(c.month).padStart(2, '0')}`;
          const key = `m|${period}|${memberId}`;
          const before = months.get(key);
          const after: MemberPeriodRow | undefined = c.erase
            ? undefined
            : { key, memberId, grain: 'm', period, pokok: rupiah(c.capital), wajib: rupiah(0), sukarela: rupiah(5), interest: rupiah(c.patronage), purchases: rupiah(0), days: {} };
          if (after === undefined) months.delete(key);
          else months.set(key, after);
          store(chunks, foldIntoShuChunks(chunks, [{ key, before, after }], []));
        }
        const rebuilt = shuChunksOf(months.values(), []);
        expect(chunks).toEqual(rebuilt);
        for (const chunk of chunks.values()) {
          expect([...chunk.memberIds].sort()).toEqual(chunk.memberIds);
          expect([...chunk.years].sort()).toEqual(chunk.years);
          expect(chunk.memberIds.every((id) => memberChunkOf(id) === chunk.chunk)).toBe(true);
          // Canonical: no member and no year without a non-zero cell (none has a label here).
          chunk.memberIds.forEach((_, i) => expect(chunk.years.some((_y, y) => chunk.capital[y]?.[i] !== 0 || chunk.patronage[y]?.[i] !== 0)).toBe(true));
          chunk.years.forEach((_, y) => expect([...(chunk.capital[y] ?? []), ...(chunk.patronage[y] ?? [])].some((v) => v !== 0)).toBe(true));
        }
        // The bases by a plain forward sum of every month row up to the year.
        const capital = new Map<string, number>();
        const patronage = new Map<string, number>();
        for (const row of months.values()) {
          const rowYear = Number(row.period.slice(0, 4));
          if (rowYear > year) continue;
          capital.set(row.memberId, (capital.get(row.memberId) ?? 0) + row.pokok + row.wajib);
          if (rowYear === year) patronage.set(row.memberId, (patronage.get(row.memberId) ?? 0) + row.interest + row.purchases);
        }
        const expected = [...capital.keys()]
          .map((memberId) => ({ memberId, capitalBasis: capital.get(memberId) ?? 0, patronageBasis: patronage.get(memberId) ?? 0 }))
          .filter((b) => b.capitalBasis !== 0 || b.patronageBasis !== 0)
          .sort((a, b) => (a.memberId < b.memberId ? -1 : 1));
        const got = memberBasesFromChunks(chunks.values(), year).sort((a, b) => (a.memberId < b.memberId ? -1 : 1));
        expect(got).toEqual(expected);
      }),
      { numRuns: 60 },
    );
  });

  it('puts a member in the same chunk every time, and 5 000 members in chunks of at most 256', () => {
    const sizes = new Array<number>(MEMBER_CHUNKS).fill(0);
    for (let i = 0; i < 5_000; i++) {
      const id = `0190${i.toString(16).padStart(4, '0')}-1234-7abc-8def-${(i * 7919).toString(16).padStart(12, '0')}`;
      const chunk = memberChunkOf(id);
      expect(memberChunkOf(id)).toBe(chunk);
      sizes[chunk] = (sizes[chunk] ?? 0) + 1;
    }
    expect(Math.max(...sizes)).toBeLessThanOrEqual(256);
    expect(Math.min(...sizes)).toBeGreaterThan(0);
    // A fixed value: a change of the hash would put stored members in other chunks.
    expect([memberChunkOf('0190aaaa-0000-7000-8000-000000000001'), memberChunkOf('0190aaaa-0000-7000-8000-000000000002')]).toEqual([31, 18]);
  });

  it('labels a member by its profile’s number and name, follows an edit and drops a member whose join was reversed', () => {
    const row = (memberId: string, number: string, name: string | null): MemberRow => ({
      memberId,
      joins: [],
      edits: [],
      departures: [],
      profile: name === null ? null : { number, name, nik: null, phone: null, address: null },
      joinedOn: null,
      leftOn: null,
      status: name === null ? 'unknown' : 'active',
      savings: { pokok: rupiah(0), wajib: rupiah(0), sukarela: rupiah(0) },
      savingsEntries: 0,
      wajibByMonth: {},
      lastWajibMonth: null,
    });
    const chunks = new Map<string, ShuChunk>();
    const siti = '0190aaaa-0000-7000-8000-000000000001';
    store(chunks, foldIntoShuChunks(chunks, [], [{ memberId: siti, after: row(siti, 'A-001', 'Siti') }]));
    expect(labelsFromChunks(chunks.values()).get(siti)).toBe('A-001 Siti');
    const unchanged = foldIntoShuChunks(chunks, [], [{ memberId: siti, after: row(siti, 'A-001', 'Siti') }]);
    expect(unchanged.size).toBe(0); // a deposit touches the member row, not its label: nothing to write
    store(chunks, foldIntoShuChunks(chunks, [], [{ memberId: siti, after: row(siti, 'A-001', 'Siti Aminah') }]));
    expect(labelsFromChunks(chunks.values()).get(siti)).toBe('A-001 Siti Aminah');
    store(chunks, foldIntoShuChunks(chunks, [], [{ memberId: siti, after: row(siti, 'A-001', null) }]));
    expect(chunks.size).toBe(0);
  });
});
