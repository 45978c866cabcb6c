/**
 * A first look at a chosen backup file before it is sent: readable JSON that says it is a Lumbung
 * backup, within the server's 64 MiB limit. The server checks everything again (signatures,
 * chains, the cooperative); this only spares the office a long upload of the wrong file and says
 * why in Indonesian.
 */
export const MAX_BACKUP_BYTES = 64 * 1024 * 1024;

export type BackupCheck =
  | { readonly ok: true; readonly text: string }
  | { readonly ok: false; readonly problem: 'tooBig' | 'notJson' | 'notBackup' };

/** FileReader rather than Blob.text(): the same in every browser the office may have. */
function readText(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(typeof reader.result === 'string' ? reader.result : '');
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsText(file);
  });
}

export async function checkBackupFile(file: Blob): Promise<BackupCheck> {
  if (file.size > MAX_BACKUP_BYTES) return { ok: false, problem: 'tooBig' };
  let text: string;
  try {
    text = await readText(file);
  } catch {
    return { ok: false, problem: 'notJson' };
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return { ok: false, problem: 'notJson' };
  }
  const format = typeof parsed === 'object' && parsed !== null && 'format' in parsed ? parsed.format : undefined;
  if (format !== 'lumbung-backup') return { ok: false, problem: 'notBackup' };
  return { ok: true, text };
}
