/**
 * Request bodies are gzipped before they are signed and sent: entries are repetitive JSON (hex
 * hashes aside) and compress 3–5×, which is the difference between a push that finishes during a
 * short 2G window and one that does not. CompressionStream exists in every browser we target
 * (Chrome 80+, Safari 16.4+, Firefox 113+), in service workers and in Node 18+; where it is
 * missing the body goes out uncompressed, which the server accepts just the same.
 */
export type EncodedBody = { readonly bytes: Uint8Array; readonly gzip: boolean };

export function canGzip(): boolean {
  return typeof CompressionStream === 'function';
}

export async function gzip(bytes: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([bytes as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new CompressionStream('gzip'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/** UTF-8 JSON, gzipped when the runtime can. */
export async function encodeJsonBody(value: unknown, allowGzip = true): Promise<EncodedBody> {
  const plain = new TextEncoder().encode(JSON.stringify(value));
  if (!allowGzip || !canGzip()) return { bytes: plain, gzip: false };
  return { bytes: await gzip(plain), gzip: true };
}
