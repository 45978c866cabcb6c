import type { Language } from './catalog.ts';
import { defineMessages, englishLater } from './define-messages.ts';
import { id } from './id.ts';
import { useLanguageStore } from './language-store.ts';

export type FrameMessages = typeof id;

const frame = defineMessages({ id, en: englishLater(() => import('./frame.en.ts').then((module) => module.en)) });

/** The frame's messages in a given language. */
export const messagesFor = (language: Language): FrameMessages => frame.in(language);

/** React hook: the frame's messages in the current language; re-renders when it changes. */
export function useT(): FrameMessages {
  return frame.useMessages();
}

/** Outside React (event handlers, non-component code): the messages in the current language. */
export function t(): FrameMessages {
  return frame.current();
}

/** React hook: the current language code, e.g. for `formatDateLong(date, lang)`. */
export function useLanguage(): Language {
  return useLanguageStore((state) => state.language);
}
