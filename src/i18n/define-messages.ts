import type { Language, MessageTree } from './catalog.ts';
import { currentLanguage, useLanguageStore } from './language-store.ts';
import { registerLaterEnglish } from './later-english.ts';

export type MessageBundle<M extends MessageTree> = {
  /** React hook: the bundle in the current language. */
  readonly useMessages: () => M;
  /** The bundle in a given language (tests, non-React code). */
  readonly in: (language: Language) => M;
  /** The bundle in the current language, outside React. */
  readonly current: () => M;
};

/** A catalog's English kept out of the first load (see `englishLater`). */
export class EnglishLater<M extends MessageTree> {
  constructor(readonly load: () => Promise<M>) {}
}

/**
 * English that is fetched only when English is chosen (or was, at the last start), for the
 * catalogs of the first load — the session gate's screens:
 *
 *   en: englishLater(() => import('./messages.en.ts').then((module) => module.en)),
 *
 * Every `*.en.ts` goes into one chunk (vite.config.ts), so choosing English is one fetch
 * (later-english.ts). Until it has arrived the bundle answers in Indonesian; language-store.ts
 * switches only once it has.
 */
export const englishLater = <M extends MessageTree>(load: () => Promise<M>): EnglishLater<M> => new EnglishLater(load);

/**
 * Declares a feature's own messages, Indonesian first:
 *
 *   export const membersMessages = defineMessages({
 *     id: { title: 'Anggota', count: (n: number) => `${n} anggota` },
 *     en: { title: 'Members', count: (n: number) => `${n} members` },
 *   });
 *   const m = membersMessages.useMessages();
 *
 * `en` is checked against the shape inferred from `id` (NoInfer keeps TypeScript from widening
 * the shape to fit English), so a missing, extra or differently typed key fails to compile.
 */
export function defineMessages<M extends MessageTree>(catalogs: {
  readonly id: M;
  readonly en: NoInfer<M> | EnglishLater<NoInfer<M>>;
}): MessageBundle<M> {
  const { id, en } = catalogs;
  let english: M | undefined = en instanceof EnglishLater ? undefined : en;
  if (en instanceof EnglishLater) {
    registerLaterEnglish(async () => {
      english = await en.load();
    });
  }
  const pick = (language: Language): M => (language === 'en' ? (english ?? id) : id);
  return {
    useMessages: () => pick(useLanguageStore((state) => state.language)),
    in: pick,
    current: () => pick(currentLanguage()),
  };
}
