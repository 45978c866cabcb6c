/**
 * The shape every message catalog has: nested objects whose leaves are either a plain sentence or
 * a function that builds one from typed parameters (counts, names, amounts). Functions instead of
 * `{placeholder}` templates let TypeScript check every parameter at the call site.
 */
export type Message = string | ((...args: never[]) => string);
export type MessageTree = { readonly [key: string]: Message | MessageTree };

/** Bahasa Indonesia first; English second. */
export const LANGUAGES = ['id', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = 'id';

export function isLanguage(value: unknown): value is Language {
  return value === 'id' || value === 'en';
}
