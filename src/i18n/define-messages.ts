import type { Language, MessageTree } from './catalog.ts';
import { currentLanguage, useLanguageStore } from './language-store.ts';

export type MessageBundle<M extends MessageTree> = {
  /** React hook: the bundle in the current language. */
  readonly useMessages: () => M;
  /** The bundle in a given language (tests, non-React code). */
  readonly in: (language: Language) => M;
  /** The bundle in the current language, outside React. */
  readonly current: () => M;
};

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
  readonly en: NoInfer<M>;
}): MessageBundle<M> {
  const pick = (language: Language): M => catalogs[language];
  return {
    useMessages: () => pick(useLanguageStore((state) => state.language)),
    in: pick,
    current: () => pick(currentLanguage()),
  };
}
