/** Report downloads in jsdom: the Blob handed to URL.createObjectURL, and its bytes or text. */
import { vi } from 'vitest';

/** Stubs the download path (object URL, the anchor's click); returns the last Blob downloaded. */
export function captureDownloads(): () => Blob | undefined {
  let blob: Blob | undefined;
  vi.spyOn(URL, 'createObjectURL').mockImplementation((b) => {
    blob = b as Blob;
    return 'blob:report';
  });
  vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
  return () => blob;
}

/** jsdom's Blob has no arrayBuffer() or text(); its FileReader reads it. */
function read<T>(blob: Blob | undefined, start: (reader: FileReader, blob: Blob) => void, take: (result: FileReader['result']) => T | undefined): Promise<T> {
  return new Promise((resolve, reject) => {
    if (blob === undefined) {
      reject(new Error('nothing was downloaded'));
      return;
    }
    const reader = new FileReader();
    reader.onload = () => {
      const value = take(reader.result);
      if (value === undefined) reject(new Error('unexpected FileReader result'));
      else resolve(value);
    };
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    start(reader, blob);
  });
}

export const readBlob = (blob: Blob | undefined): Promise<Uint8Array> =>
  read(blob, (r, b) => r.readAsArrayBuffer(b), (result) => (result instanceof ArrayBuffer ? new Uint8Array(result) : undefined));

export const readBlobText = (blob: Blob | undefined): Promise<string> =>
  read(blob, (r, b) => r.readAsText(b), (result) => (typeof result === 'string' ? result : undefined));
