/**
 * The rule the server applies to typed names (server/http/plain-text.ts: trimmed, 1–100
 * characters, no control characters), checked as the staff types so the form never sends what the
 * server would refuse.
 */
export const NAME_MAX = 100;

export type NameProblem = 'required' | 'tooLong' | 'badCharacters';

function hasControlCharacter(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x20 || code === 0x7f) return true;
  }
  return false;
}

export function nameProblem(text: string): NameProblem | null {
  const trimmed = text.trim();
  if (trimmed === '') return 'required';
  if (hasControlCharacter(trimmed)) return 'badCharacters';
  if (trimmed.length > NAME_MAX) return 'tooLong';
  return null;
}
