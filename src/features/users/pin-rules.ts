/**
 * What the screens accept as a PIN: exactly six digits. The store accepts 4–8 (src/db/pin-hash.ts)
 * so older or imported users keep working; new PINs are six digits, the length people know from
 * their bank's mobile app, long enough that the lockout makes guessing pointless.
 */
export const PIN_LENGTH = 6;

export type PinProblem = { code: 'pin-empty' } | { code: 'pin-digits' } | { code: 'pin-length'; length: number };

export function checkPin(pin: string): PinProblem | null {
  if (pin === '') return { code: 'pin-empty' };
  if (!/^\d*$/.test(pin)) return { code: 'pin-digits' };
  if (pin.length !== PIN_LENGTH) return { code: 'pin-length', length: pin.length };
  return null;
}

export const NAME_MAX = 60;

export type NameProblem = 'name-empty' | 'name-long';

export function checkName(name: string): NameProblem | null {
  const trimmed = name.trim();
  if (trimmed === '') return 'name-empty';
  if (trimmed.length > NAME_MAX) return 'name-long';
  return null;
}
