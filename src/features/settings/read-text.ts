/**
 * A file's text through FileReader: present in every browser the app supports (and in jsdom, where
 * the component tests run), unlike `Blob.text()` on older Android WebViews.
 */
export function readText(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(typeof reader.result === 'string' ? reader.result : '');
    reader.onerror = () => reject(reader.error ?? new Error('file-unreadable'));
    reader.readAsText(blob);
  });
}
