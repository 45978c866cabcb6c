/** Makes sure the data directory exists and is writable before anything is stored there. */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** Returns null when usable, else a one-line reason. */
export function checkDataDir(dataDir: string): string | null {
  try {
    mkdirSync(dataDir, { recursive: true });
    const probe = path.join(dataDir, `.write-test-${String(process.pid)}`);
    writeFileSync(probe, 'ok');
    rmSync(probe);
    return null;
  } catch (error) {
    const code = error instanceof Error && 'code' in error ? String(error.code) : 'unknown';
    return `Folder data ${dataDir} tidak bisa ditulisi (${code}): perbaiki izinnya atau pilih folder lain dengan LUMBUNG_DATA_DIR.`;
  }
}
