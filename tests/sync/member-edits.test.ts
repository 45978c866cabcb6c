/**
 * Member profile edits from two phones of one cooperative (CONTRACT §3 `member.updated` with its
 * `seenCursor`): the edit made without having seen the other device's edit comes back flagged
 * (`accepted_flagged`, reason kept on the phone's row for the UI), both edits reach both phones'
 * projections through the pull, and the server's flags report lists the conflict.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LumbungDb } from '../../src/db/database.ts';
import { loadDeviceKeys } from '../../src/db/device-keys.ts';
import { readPullCursor } from '../../src/db/meta.ts';
import { currentLedger } from '../../src/db/projections.ts';
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
});
