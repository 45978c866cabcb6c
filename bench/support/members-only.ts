/**
 * The member search's data set: the busy cooperative's 5 000 members (the same ids, numbers and
 * names as bench/support/busy-cooperative.ts) joining and paying their simpanan pokok, and nothing
 * else — 10 000 entries, seeded in seconds rather than the minutes the 100 000-entry history takes.
 *
 * Honest for the search only: Anggota reads the member rows (`allMembers`, one row per member with
 * its savings totals) and nothing of the rest of the history, so a member row here has the same
 * shape as one after five years of deposits (only its totals differ). The other screens' figures
 * need the full history and are measured by data.bench.ts.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { buildUnsignedEntry, signEntry, type BuildEntryInput } from '../../src/domain/entry/create.ts';
import { ZERO_HASH, type Entry } from '../../src/domain/entry/schema.ts';
import { generateDeviceKeyPair } from '../../src/domain/signing.ts';
import { BUSY_COOPERATIVE_ID, BUSY_MEMBERS, memberId, memberName } from './busy-cooperative.ts';
import { BENCH_OUT } from './paths.ts';

const SIGNING_DEVICE = '5a4b3c2d-1e0f-4a9b-8c7d-6e5f4a3b2c1d';

type Body = Pick<BuildEntryInput, 'type' | 'data'>;

function* memberBodies(): Generator<{ date: string; body: Body }> {
  for (let k = 0; k < BUSY_MEMBERS; k++) {
    // Two years of joining, as in the busy history.
    const month = Math.floor((k * 24) / BUSY_MEMBERS);
    const date = `${String(2021 + Math.floor(month / 12))}-${String(1 + (month % 12)).padStart(2, '0')}-${String(1 + (k % 28)).padStart(2, '0')}`;
    yield { date, body: { type: 'member.joined', data: { memberId: memberId(k), number: `A-${String(k + 1).padStart(4, '0')}`, name: memberName(k), joinedOn: date } } as Body };
    yield { date, body: { type: 'savings.deposited', data: { memberId: memberId(k), kind: 'pokok', amount: 100_000, via: 'cash' } } as Body };
  }
}

/** Every member joining, signed and chained by one other phone (cached on disk under bench/out/data). */
export async function membersOnly(): Promise<Entry[]> {
  const dir = path.join(BENCH_OUT, 'data');
  const file = path.join(dir, `members-${String(BUSY_MEMBERS)}.json`);
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as Entry[];
  const { privateKey } = await generateDeviceKeyPair();
  const entries: Entry[] = [];
  let prevHash = ZERO_HASH;
  for (const { date, body } of memberBodies()) {
    const seq = entries.length + 1;
    const entry = await signEntry(
      buildUnsignedEntry({
        ...(body as BuildEntryInput),
        cooperativeId: BUSY_COOPERATIVE_ID,
        deviceId: SIGNING_DEVICE,
        seq,
        prevHash,
        recordedAt: `${date}T03:00:00.000Z`,
        date,
        actor: 'Bu Siti',
        id: `00000000-0000-7000-8${(seq % 4096).toString(16).padStart(3, '0')}-${seq.toString(16).padStart(12, '0')}`,
      }),
      privateKey,
    );
    entries.push(entry);
    prevHash = entry.hash;
  }
  mkdirSync(dir, { recursive: true });
  writeFileSync(file, JSON.stringify(entries));
  return entries;
}
