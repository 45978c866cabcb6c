/**
 * The backup file as the treasurer handles it: made from `exportBackup` (src/db/backup.ts) as
 * `lumbung-<koperasi>-<tanggal>.json`, and — before `restoreBackup` writes anything — read and
 * previewed (how many entries are new, how many already on the phone), with the same refusals the
 * restore itself would give for a file that is not a backup or belongs to another cooperative.
 */
import { z } from 'zod';
import { exportBackup, restoreBackup, BACKUP_FORMAT, type RestoreResult } from '../../db/backup.ts';
import type { LumbungDb } from '../../db/database.ts';
import { loadDeviceKeys } from '../../db/device-keys.ts';
import { readMeta } from '../../db/meta.ts';
import type { StorageResult } from '../../db/storage-errors.ts';
import { todayInJakarta } from '../../domain/dates.ts';

export function backupFileName(cooperativeName: string | null, now: Date = new Date()): string {
  const slug = (cooperativeName ?? '')
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '');
  return `lumbung-${slug === '' ? 'koperasi' : slug}-${todayInJakarta(now.getTime())}.json`;
}

export type MadeBackup = { readonly name: string; readonly blob: Blob; readonly entries: number };

export async function makeBackup(db: LumbungDb, cooperativeName: string | null, now: Date = new Date()): Promise<StorageResult<MadeBackup>> {
  const exported = await exportBackup(db, now);
  if (!exported.ok) return exported;
  const blob = new Blob([JSON.stringify(exported.value)], { type: 'application/json' });
  return { ok: true, value: { name: backupFileName(cooperativeName, now), blob, entries: exported.value.entries.length } };
}

const envelope = z.object({
  format: z.literal(BACKUP_FORMAT),
  exportedAt: z.string(),
  cooperativeId: z.string(),
  entries: z.array(z.object({ id: z.string() }).loose()),
});

export type RestorePreview =
  | { readonly ok: true; readonly file: unknown; readonly added: number; readonly present: number; readonly exportedAt: string }
  | { readonly ok: false; readonly error: 'not-a-backup' | 'foreign-cooperative' | 'not-initialised' };

/** Reads the file's text and counts what a restore would add. Writes nothing. */
export async function previewRestore(db: LumbungDb, text: string): Promise<RestorePreview> {
  let file: unknown;
  try {
    file = JSON.parse(text);
  } catch {
    return { ok: false, error: 'not-a-backup' };
  }
  const parsed = envelope.safeParse(file);
  if (!parsed.success) return { ok: false, error: 'not-a-backup' };
  const identity = await readMeta(db, 'identity');
  if (identity === undefined) return { ok: false, error: 'not-initialised' };
  if (parsed.data.cooperativeId !== identity.cooperativeId) return { ok: false, error: 'foreign-cooperative' };
  const ids = parsed.data.entries.map((e) => e.id);
  const found = await db.entries.bulkGet(ids);
  const present = found.filter((row) => row !== undefined).length;
  return { ok: true, file, added: ids.length - present, present, exportedAt: parsed.data.exportedAt };
}

/**
 * Restores with this phone's own key as the only known signer: entries of other phones cannot be
 * verified here and are refused (`signature-unverifiable`); the district office imports those.
 */
export async function restoreFromFile(db: LumbungDb, file: unknown): Promise<RestoreResult> {
  const identity = await readMeta(db, 'identity');
  const keys = await loadDeviceKeys(db);
  return restoreBackup(db, file, (deviceId) => (deviceId === identity?.deviceId ? keys?.publicKey : undefined));
}
