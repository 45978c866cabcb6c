/**
 * Indonesian mobile numbers as people write them (`0812-3456-7890`, `+62 812 3456 7890`,
 * `812345678`) normalised to the international form without plus (`6281234567890`), the form
 * wa.me links need and the entry schema accepts (8–15 digits).
 */
export type PhoneCheck = { ok: true; value: string } | { ok: false; error: 'phone-format' };

export function normalisePhone(input: string): PhoneCheck {
  const compact = input.replace(/[\s\-.()]/g, '');
  if (!/^\+?\d+$/.test(compact)) return { ok: false, error: 'phone-format' };
  const digits = compact.replace(/^\+/, '');
  const international = digits.startsWith('62')
    ? digits
    : digits.startsWith('0')
      ? `62${digits.slice(1)}`
      : digits.startsWith('8')
        ? `62${digits}`
        : digits;
  if (international.length < 8 || international.length > 15) return { ok: false, error: 'phone-format' };
  return { ok: true, value: international };
}

/** NIK (Nomor Induk Kependudukan): 16 digits; spaces people type between groups are dropped. */
export function normaliseNik(input: string): { ok: true; value: string } | { ok: false } {
  const digits = input.replace(/\s/g, '');
  return /^\d{16}$/.test(digits) ? { ok: true, value: digits } : { ok: false };
}
