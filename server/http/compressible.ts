/**
 * Which built files are sent compressed, shared by the server (static-files.ts: its gzip copy and
 * the build's brotli copy) and the build plugin that writes those brotli copies
 * (scripts/vite-precompress.ts), so the two never disagree on a file.
 */
import path from 'node:path';

/** Text formats; images and fonts are compressed already. */
const TEXT_EXTENSIONS: ReadonlySet<string> = new Set(['.html', '.js', '.mjs', '.css', '.json', '.webmanifest', '.svg', '.txt', '.map']);

/** At or below this, a compressed copy saves less than its own header. */
const MIN_BYTES = 512;

/** The build's brotli copy of `file` is `file + BROTLI_SUFFIX`. */
export const BROTLI_SUFFIX = '.br';

/** Is this a text file that may be sent compressed (its size aside)? */
export const isTextFile = (file: string): boolean => TEXT_EXTENSIONS.has(path.extname(file).toLowerCase());

/** Is a text file of this many bytes worth a compressed copy? */
export const worthCompressing = (bytes: number): boolean => bytes > MIN_BYTES;
