/** Seeding for the Kas, Laporan and Tutup buku tests: real entries through appendEntry. */
import { appendEntry, type EntryDraft } from '../../src/db/append-entry.ts';
import type { LumbungDb } from '../../src/db/database.ts';
import type { Entry } from '../../src/domain/entry/schema.ts';
import { newEntryId, newMemberId, type MemberId } from '../../src/domain/ids.ts';

export async function record(db: LumbungDb, draft: Omit<EntryDraft, 'actor' | 'id'>, actor = 'Bu Siti'): Promise<Entry> {
  const result = await appendEntry(db, { ...draft, actor, id: newEntryId() } as EntryDraft);
  if (!result.ok) throw new Error(`seed failed: ${result.error}`);
  return result.value.entry;
}

export async function join(db: LumbungDb, number: string, name: string, joinedOn = '2025-01-05'): Promise<MemberId> {
  const memberId = newMemberId();
  await record(db, { type: 'member.joined', date: joinedOn, data: { memberId, number, name, joinedOn } });
  return memberId;
}

export async function entriesOfType(db: LumbungDb, type: Entry['type']): Promise<Entry[]> {
  return (await db.entries.where('type').equals(type).toArray()).map((row) => row.entry);
}
