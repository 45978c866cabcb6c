import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';
import { DEFAULT_LANGUAGE, isLanguage, type Language } from './catalog.ts';

type LanguageState = {
  readonly language: Language;
  readonly setLanguage: (language: Language) => void;
};

/** localStorage key; the value is zustand's `{state, version}` JSON. */
export const LANGUAGE_STORAGE_KEY = 'lumbung.language';

/**
 * The chosen interface language. A UI preference, not bookkeeping data, so it lives in
 * localStorage (read synchronously before first paint) rather than IndexedDB.
 */
export const useLanguageStore = create<LanguageState>()(
  persist(
    (set) => ({
      language: DEFAULT_LANGUAGE,
      setLanguage: (language) => set({ language }),
    }),
    {
      name: LANGUAGE_STORAGE_KEY,
      version: 1,
      storage: createJSONStorage(() => localStorage),
      partialize: (state) => ({ language: state.language }),
      // localStorage is outside our control (another version, a curious user): accept only a
      // language we know and keep the default otherwise.
      merge: (persisted, current) => {
        const language: unknown =
          typeof persisted === 'object' && persisted !== null && 'language' in persisted ? persisted.language : undefined;
        return isLanguage(language) ? { ...current, language } : current;
      },
    },
  ),
);

export const currentLanguage = (): Language => useLanguageStore.getState().language;
export const setLanguage = (language: Language): void => useLanguageStore.getState().setLanguage(language);
