/** `npm start` rebuilds the app only when dist/ is missing or older than a source file. */
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { decideBuild } from '../../server/startup/build-if-stale.ts';

describe('decideBuild', () => {
  let root = '';
  afterEach(() => {
    rmSync(root, { recursive: true, force: true });
  });

  const at = (file: string, seconds: number): void => {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, 'x');
    utimesSync(file, seconds, seconds);
  };

  it('says missing, stale, up-to-date, or no-sources', () => {
    root = mkdtempSync(path.join(tmpdir(), 'lumbung-build-'));
    const dist = path.join(root, 'dist');
    expect(decideBuild(root, dist)).toBe('no-sources');
    at(path.join(root, 'index.html'), 1_000);
    at(path.join(root, 'src', 'app', 'App.tsx'), 1_000);
    utimesSync(path.join(root, 'src', 'app'), 1_000, 1_000);
    utimesSync(path.join(root, 'src'), 1_000, 1_000);
    expect(decideBuild(root, dist)).toBe('missing');
    at(path.join(dist, 'index.html'), 2_000);
    expect(decideBuild(root, dist)).toBe('up-to-date');
    // A source edited after the build, deep in a folder.
    at(path.join(root, 'src', 'app', 'App.tsx'), 3_000);
    expect(decideBuild(root, dist)).toBe('stale');
    // One of the build's own plugins edited after a build (the brotli copies, the compile hints).
    at(path.join(dist, 'index.html'), 4_000);
    expect(decideBuild(root, dist)).toBe('up-to-date');
    at(path.join(root, 'scripts', 'vite-precompress.ts'), 5_000);
    expect(decideBuild(root, dist)).toBe('stale');
  });
});
