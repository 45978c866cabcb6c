/**
 * Entries recorded on another phone of the cooperative, arriving in one pull: signed for real by
 * that phone's own key and stored through the same ingest the sync engine uses (one transaction,
 * so seeding hundreds of members stays quick). For the list and report tests with many members.
 */
import type { LumbungDb } from '../../src/db/database.ts';
import { ingestPulled } from '../../src/db/ingest.ts';
import { readMeta } from '../../src/db/meta.ts';
import { buildUnsignedEntry, signEntry } from '../../src/domain/entry/create.ts';
import type { EntryBody } from '../../src/domain/entry/lines.ts';
import { ZERO_HASH, type Entry } from '../../src/domain/entry/schema.ts';
import { generateDeviceKeyPair } from '../../src/domain/signing.ts';
import type { DeviceId } from '../../src/domain/ids.ts';

/** What one entry says: its type, data and business date. */
export type PulledBody = EntryBody & { readonly date: string };

export async function recordedOnAnotherPhone(db: LumbungDb, bodies: readonly PulledBody[]): Promise<void> {
  const identity = await readMeta(db, 'identity');
  if (identity === undefined) throw new Error('no identity');
  const keys = await generateDeviceKeyPair();
  const deviceId = crypto.randomUUID() as DeviceId;
  let prevHash = ZERO_HASH;
  const entries: Entry[] = [];
  for (const [index, body] of bodies.entries()) {
    const unsigned = buildUnsignedEntry({
      cooperativeId: identity.cooperativeId,
      deviceId,
      seq: index + 1,
      prevHash,
      recordedAt: `${body.date}T02:00:00.000Z`,
      actor: 'Pak Ketua',
      ...body,
    });
    const entry = await signEntry(unsigned, keys.privateKey);
    prevHash = entry.hash;
    entries.push(entry);
  }
  const result = await ingestPulled(db, { entries, cursor: String(bodies.length) });
  if (!result.ok) throw new Error(`ingest failed: ${result.error}`);
}
