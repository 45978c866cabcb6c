import { create } from 'zustand';
import { DEFAULT_LANGUAGE, isLanguage, type Language } from './catalog.ts';

type LanguageState = {
  readonly language: Language;
  readonly setLanguage: (language: Language) => void;
};

/** localStorage key; the value is `{"state":{"language":…},"version":1}` (zustand's persist format, kept). */
export const LANGUAGE_STORAGE_KEY = 'lumbung.language';

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

/**
 * localStorage is outside our control (another version, a curious user, private mode): only a
 * language we know is taken, anything else keeps the default.
 */
function storedLanguage(): Language {
  try {
    const raw = globalThis.localStorage.getItem(LANGUAGE_STORAGE_KEY);
    if (raw === null) return DEFAULT_LANGUAGE;
    const saved: unknown = JSON.parse(raw);
    const language = isRecord(saved) && isRecord(saved.state) ? saved.state.language : undefined;
    return isLanguage(language) ? language : DEFAULT_LANGUAGE;
  } catch {
    return DEFAULT_LANGUAGE;
  }
}

function storeLanguage(language: Language): void {
  try {
    globalThis.localStorage.setItem(LANGUAGE_STORAGE_KEY, JSON.stringify({ state: { language }, version: 1 }));
  } catch {
    // Storage refused (private mode, full): the choice still holds until the app is closed.
  }
}

/**
 * The chosen interface language. A UI preference, not bookkeeping data, so it lives in
 * localStorage (read synchronously before first paint) rather than IndexedDB. Written by hand
 * rather than with zustand's persist middleware: the same stored format for 1 KB less in the first
 * load (docs/performance.md §1, "Session 14").
 */
export const useLanguageStore = create<LanguageState>()((set) => ({
  language: storedLanguage(),
  setLanguage: (language) => {
    storeLanguage(language);
    set({ language });
  },
}));

export const currentLanguage = (): Language => useLanguageStore.getState().language;
export const setLanguage = (language: Language): void => useLanguageStore.getState().setLanguage(language);
