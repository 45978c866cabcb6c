import { describe, expect, it } from 'vitest';
import { lumbungSavePath } from '../../scripts/vite-compile-hints.ts';

// Which modules put their chunk on the save path (scripts/vite-compile-hints.ts). The built chunks
// themselves are checked in tests/e2e/pwa-shell.test.ts.
describe('the save path for V8 compile hints', () => {
  const root = '/home/ci/lumbung';

  it('holds the forms, the append and every screen that imports the forms', () => {
    expect(lumbungSavePath(`${root}/src/features/forms/use-save-entry.ts`, [])).toBe(true);
    expect(lumbungSavePath(`${root}/src/db/append-entry.ts`, [])).toBe(true);
    expect(lumbungSavePath(`${root}/src/features/cash/CashEntryForm.tsx`, [`${root}/src/features/forms/index.ts`, `${root}/src/domain/money.ts`])).toBe(true);
    expect(lumbungSavePath('C:\\lumbung\\src\\features\\forms\\AmountField.tsx', [])).toBe(true);
  });

  it('leaves out what a save never runs', () => {
    expect(lumbungSavePath(`${root}/src/features/reports/BalanceSheet.tsx`, [`${root}/src/domain/money.ts`])).toBe(false);
    expect(lumbungSavePath(`${root}/src/db/database.ts`, [])).toBe(false);
    expect(lumbungSavePath(`${root}/node_modules/dexie/dist/dexie.mjs`, [])).toBe(false);
    // A module that merely shares a name with the forms folder elsewhere.
    expect(lumbungSavePath(`${root}/src/features/reports/forms-note.ts`, [`${root}/src/features/formsx/index.ts`])).toBe(false);
  });
});
