import { create } from 'zustand';
import { DEFAULT_LANGUAGE, isLanguage, type Language } from './catalog.ts';
import { loadLaterEnglish } from './later-english.ts';

type LanguageState = {
  readonly language: Language;
  /** Resolves false when the language's catalogs cannot be fetched now; true otherwise (also when a later choice won). */
  readonly setLanguage: (language: Language) => Promise<boolean>;
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

/** The last language asked for: a slower English fetch must not undo a later choice of Indonesian. */
let asked: Language | undefined;

/**
 * The chosen interface language. A UI preference, not bookkeeping data, so it lives in
 * localStorage (read synchronously before first paint) rather than IndexedDB. Written by hand
 * rather than with zustand's persist middleware: the same stored format for 1 KB less in the first
 * load (docs/performance.md §1, "Session 14"). English switches on only once the first load's
 * English catalogs are there (later-english.ts); a start in English waits for them (main.tsx).
 */
export const useLanguageStore = create<LanguageState>()((set) => ({
  language: storedLanguage(),
  setLanguage: async (language) => {
    asked = language;
    if (language === 'en') {
      try {
        await loadLaterEnglish();
      } catch {
        return false;
      }
    }
    // Tapped English, then Indonesian before English arrived: Indonesian stays.
    if (asked !== language) return true;
    storeLanguage(language);
    set({ language });
    return true;
  },
}));

export const currentLanguage = (): Language => useLanguageStore.getState().language;
export const setLanguage = (language: Language): Promise<boolean> => useLanguageStore.getState().setLanguage(language);

/**
 * At start, before the first render: the stored language's catalogs. When the English ones cannot
 * be fetched (the worker's cache gone and no signal), this start is in Indonesian; the choice stays
 * stored for the next one.
 */
export async function startInStoredLanguage(): Promise<void> {
  if (currentLanguage() !== 'en') return;
  try {
    await loadLaterEnglish();
  } catch {
    useLanguageStore.setState({ language: 'id' });
  }
}
