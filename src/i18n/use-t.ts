import type { Language } from './catalog.ts';
import { en } from './en.ts';
import { id } from './id.ts';
import { currentLanguage, useLanguageStore } from './language-store.ts';

export type FrameMessages = typeof id;

const CATALOGS: Record<Language, FrameMessages> = { id, en };

/** The frame's messages in a given language. */
export const messagesFor = (language: Language): FrameMessages => CATALOGS[language];

/** React hook: the frame's messages in the current language; re-renders when it changes. */
export function useT(): FrameMessages {
  return CATALOGS[useLanguageStore((state) => state.language)];
}

/** Outside React (event handlers, non-component code): the messages in the current language. */
export function t(): FrameMessages {
  return CATALOGS[currentLanguage()];
}

/** React hook: the current language code, e.g. for `formatDateLong(date, lang)`. */
export function useLanguage(): Language {
  return useLanguageStore((state) => state.language);
}
