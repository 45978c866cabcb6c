/**
 * Names people type (cooperatives, villages, devices, usernames): trimmed, bounded, and free of
 * control characters. NUL in particular must never reach PostgreSQL, which refuses it in text
 * (that would be a 500 for bad input).
 */
import { z } from 'zod';

function hasControlCharacter(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x20 || code === 0x7f) return true;
  }
  return false;
}

export function plainText(max: number) {
  return z
    .string()
    .trim()
    .min(1)
    .max(max)
    .refine((text) => !hasControlCharacter(text), 'control-characters');
}
