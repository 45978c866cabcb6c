/**
 * Member profile edits from two phones of one cooperative (CONTRACT §3 `member.updated` with its
 * `seenCursor`): the edit made without having seen the other device's edit comes back flagged
 * (`accepted_flagged`, reason kept on the phone's row for the UI), both edits reach both phones'
 * projections through the pull, and the server's flags report lists the conflict. Two edits of the
 * SAME field resolve in server order on every phone (the pull's `serverSeqs`, the push answer's
 * serverSeq), so both phones end with the server's value whatever order they saw the edits in.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LumbungDb } from '../../src/db/database.ts';
import { loadDeviceKeys } from '../../src/db/device-keys.ts';
import { readPullCursor } from '../../src/db/meta.ts';
import { currentLedger, rebuildProjections } from '../../src/db/projections.ts';
import { newMemberId, type MemberId } from '../../src/domain/ids.ts';
import { runReport } from '../../src/domain/reports/index.ts';
import { deviceRequest } from '../../src/sync/device-request.ts';
import { enroll } from '../../src/sync/enroll.ts';
import { syncOnce } from '../../src/sync/sync-once.ts';
import { z } from 'zod';
import { joinDraft, newPhone, realFetch, record, startDistrict, type District } from './harness.ts';

describe('member edits from two phones', () => {
  let district: District;
  let coop: string;

  beforeAll(async () => {
    district = await startDistrict('sqlite');
    coop = await district.createCooperative('Koperasi Wanita Melati');
  });
  afterAll(async () => {
    await district.close();
  });

  async function enrolledPhone(label: string): Promise<{ db: LumbungDb; deviceId: string }> {
    const db = newPhone(label);
    const code = await district.enrollmentCode(coop);
    const result = await enroll(db, { serverUrl: district.url, code, deviceName: label, fetch: realFetch });
    if (!result.ok) throw new Error(`enrollment failed: ${result.error}`);
    return { db, deviceId: result.value.deviceId };
  }

  async function serverMembers(phone: { db: LumbungDb; deviceId: string }) {
    const keys = await loadDeviceKeys(phone.db);
    if (keys === undefined) throw new Error('no keys');
    const answer = await deviceRequest(
      { db: phone.db, fetch: realFetch, baseUrl: district.url, deviceId: phone.deviceId, privateKey: keys.privateKey },
      'GET',
      `/api/v1/cooperatives/${coop}/reports/members?asOf=2026-12-31`,
      undefined,
      z.object({ members: z.array(z.object({ memberId: z.string(), name: z.string() }).loose()) }),
    );
    if (answer.kind !== 'ok') throw new Error(`members report: ${answer.kind}`);
    return answer.body.members;
  }

  const edit = async (db: LumbungDb, memberId: MemberId, changes: { name?: string; phone?: string }) =>
    record(db, {
      type: 'member.updated',
      data: { memberId, changes, seenCursor: (await readPullCursor(db)) ?? '' },
      date: '2026-11-20',
      actor: 'Bu Siti',
    });

  it('flags the edit made without seeing the other, and both phones end with both edits', async () => {
    const a = await enrolledPhone('a');
    const b = await enrolledPhone('b');
    const m = newMemberId();
    await record(a.db, joinDraft(m, 'M-001', 'Siti Rahayu'));
    expect((await syncOnce(a.db, { fetch: realFetch })).status).toBe('ok');
    expect((await syncOnce(b.db, { fetch: realFetch })).status).toBe('ok');

    // A corrects the name and syncs; B, not having pulled since, changes the phone number.
    await edit(a.db, m, { name: 'Siti Rahayu Ningsih' });
    expect((await syncOnce(a.db, { fetch: realFetch })).status).toBe('ok');
    const bEdit = await edit(b.db, m, { phone: '081234567890' });
    const bSync = await syncOnce(b.db, { fetch: realFetch });
    expect(bSync.status).toBe('ok');
    if (bSync.status !== 'ok') return;
    expect(bSync.receipt.flagged).toBe(1);
    const bRow = await b.db.entries.get(bEdit.id);
    expect(bRow).toMatchObject({ sync: 'acked', serverStatus: 'accepted_flagged', reason: 'member-edit-conflict' });

    expect((await syncOnce(a.db, { fetch: realFetch })).status).toBe('ok');
    const asOf = { asOf: '2026-12-31' };
    const onA = runReport('members', await currentLedger(a.db), asOf);
    const onB = runReport('members', await currentLedger(b.db), asOf);
    expect(onA).toEqual(onB);
    if (!onA.ok) throw new Error('members report failed');
    expect(onA.body.members.find((x) => x.memberId === m)?.name).toBe('Siti Rahayu Ningsih');

    // The district office sees the conflict; so does any phone asking the server.
    const keys = await loadDeviceKeys(a.db);
    if (keys === undefined) throw new Error('no keys');
    const flags = await deviceRequest(
      { db: a.db, fetch: realFetch, baseUrl: district.url, deviceId: a.deviceId, privateKey: keys.privateKey },
      'GET',
      `/api/v1/cooperatives/${coop}/reports/flags`,
      undefined,
      z.object({ flags: z.array(z.object({ entryId: z.string(), reason: z.string() }).loose()) }),
    );
    expect(flags.kind).toBe('ok');
    if (flags.kind !== 'ok') return;
    expect(flags.body.flags).toContainEqual(expect.objectContaining({ entryId: bEdit.id, reason: 'member-edit-conflict' }));
  });

  it('two phones editing the same field end with the server value, whichever order they saw the edits in', async () => {
    const a = await enrolledPhone('same-a');
    const b = await enrolledPhone('same-b');
    const m = newMemberId();
    await record(a.db, joinDraft(m, 'M-002', 'Sri Wahyuni'));
    expect((await syncOnce(a.db, { fetch: realFetch })).status).toBe('ok');
    expect((await syncOnce(b.db, { fetch: realFetch })).status).toBe('ok');

    // Both correct the name offline. A edits first, but B reaches the server first; A's edit comes
    // later in server order, so the server keeps A's name (and flags A's edit: it had not seen B's).
    const aEdit = await edit(a.db, m, { name: 'Sri Wahyuningsih' });
    await edit(b.db, m, { name: 'Sri Wahyuni S.' });
    expect((await syncOnce(b.db, { fetch: realFetch })).status).toBe('ok');
    const aSync = await syncOnce(a.db, { fetch: realFetch });
    expect(aSync.status).toBe('ok');
    expect(await a.db.entries.get(aEdit.id)).toMatchObject({ serverStatus: 'accepted_flagged', reason: 'member-edit-conflict' });
    expect((await syncOnce(b.db, { fetch: realFetch })).status).toBe('ok');

    const onServer = (await serverMembers(a)).find((x) => x.memberId === m)?.name;
    expect(onServer).toBe('Sri Wahyuningsih');
    const asOf = { asOf: '2026-12-31' };
    for (const phone of [a, b]) {
      const report = runReport('members', await currentLedger(phone.db), asOf);
      if (!report.ok) throw new Error('members report failed');
      // Phone A folded its own edit before pulling B's; it still shows the server's answer.
      expect(report.body.members.find((x) => x.memberId === m)?.name).toBe(onServer);
    }

    // A rebuild from the stored entries (a restart after an upgrade) keeps the same answer.
    const rebuilt = runReport('members', await rebuildProjections(a.db), asOf);
    if (!rebuilt.ok) throw new Error('members report failed');
    expect(rebuilt.body.members.find((x) => x.memberId === m)?.name).toBe(onServer);
  });
});
