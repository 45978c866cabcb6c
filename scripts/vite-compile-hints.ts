import type { Plugin } from 'vite';

/**
 * V8's explicit compile hint (Chrome 136+): a script that starts with this comment has every
 * function compiled when the script is, instead of on its first call. Other engines read a comment.
 */
export const COMPILE_HINT = '//# allFunctionsCalledOnLoad';

/** Does this module belong to the save of an entry: the forms, the append, a screen that saves? */
export type SavePathTest = (id: string, importedIds: readonly string[]) => boolean;

/**
 * Marks the lazy chunks of the save path for eager compilation. Why: V8 compiles a function the
 * first time it is called, on the main thread. The first save after unlock called ~36 functions
 * for the first time (the form's submit, the save hook, the card that shows "Tersimpan") and
 * compiled them inside the tap, 6 ms of the tap at CPU ×4 (docs/performance.md §2 "Session 7").
 * With the hint, those in these chunks are compiled with the chunk, on V8's background threads,
 * while the screen opens; 16 (2 ms) remain, most of them in the first load, which is not marked.
 *
 * Entry chunks (the first load) are never marked: compiling all of React eagerly would slow the
 * warm start. Added after minification (generateBundle), so the minifier cannot strip it; the
 * source map is shifted by the one line.
 */
export function compileHints(onSavePath: SavePathTest): Plugin {
  return {
    name: 'lumbung:compile-hints',
    apply: 'build',
    enforce: 'post',
    generateBundle(_options, bundle) {
      for (const file of Object.values(bundle)) {
        if (file.type !== 'chunk' || file.isEntry || file.code.startsWith(COMPILE_HINT)) continue;
        const saves = file.moduleIds.some((id) => onSavePath(id, this.getModuleInfo(id)?.importedIds ?? []));
        if (!saves) continue;
        file.code = `${COMPILE_HINT}\n${file.code}`;
        if (file.map !== null) file.map.mappings = `;${file.map.mappings}`;
      }
    },
  };
}

/** Lumbung's save path: src/features/forms, src/db/append-entry.ts, and the screens that use the forms. */
export const lumbungSavePath: SavePathTest = (id, importedIds) => {
  const path = id.replaceAll('\\', '/');
  if (path.includes('/src/features/forms/') || path.endsWith('/src/db/append-entry.ts')) return true;
  return importedIds.some((imported) => imported.replaceAll('\\', '/').endsWith('/src/features/forms/index.ts'));
};
