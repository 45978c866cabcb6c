import { CSV_MIME } from './csv.ts';
import { XLSX_MIME } from './xlsx.ts';

/**
 * Saves a file through the browser's download (an `<a download>` click on an object URL), which
 * works offline and in an installed PWA. The URL is revoked on the next task, after the browser
 * has started the download — revoking at once cancels it in some Chromium versions.
 */
export function downloadBlob(name: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.rel = 'noopener';
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

export function csvBlob(text: string): Blob {
  return new Blob([text], { type: CSV_MIME });
}

export function xlsxBlob(bytes: Uint8Array<ArrayBuffer>): Blob {
  return new Blob([bytes], { type: XLSX_MIME });
}

/** A file name safe on Android, Windows and in a WhatsApp attachment: `neraca-2026-11-29.csv`. */
export function exportFileName(stem: string, extension: 'csv' | 'xlsx'): string {
  const safe = stem
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9-]+/gu, '-')
    .replace(/^-+|-+$/gu, '');
  return `${safe === '' ? 'lumbung' : safe}.${extension}`;
}
