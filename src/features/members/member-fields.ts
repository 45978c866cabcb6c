/**
 * The member profile as typed in the form, checked field by field as the user types. The result is
 * trimmed and normalised exactly as the entry schema wants it (text fields refuse surrounding spaces,
 * phones are 62…, NIK is 16 digits), so a valid form always makes a valid entry.
 */
import { normaliseNik, normalisePhone } from './phone.ts';

export type ProfileText = { number: string; name: string; nik: string; phone: string; address: string };

export type ProfileError =
  | 'numberRequired'
  | 'numberTooLong'
  | 'nameRequired'
  | 'nameTooLong'
  | 'nikInvalid'
  | 'phoneInvalid'
  | 'addressTooLong';

export type CleanProfile = { number: string; name: string; nik?: string; phone?: string; address?: string };

export type ProfileCheck = {
  errors: Partial<Record<keyof ProfileText, ProfileError>>;
  clean: CleanProfile | undefined;
};

export const EMPTY_PROFILE: ProfileText = { number: '', name: '', nik: '', phone: '', address: '' };

/** Names typed on a phone often carry double spaces; one space between words is the name. */
const squash = (s: string) => s.trim().replace(/\s+/g, ' ');

export function checkProfile(input: ProfileText): ProfileCheck {
  const errors: ProfileCheck['errors'] = {};
  const number = input.number.trim();
  const name = squash(input.name);
  const address = squash(input.address);
  if (number === '') errors.number = 'numberRequired';
  else if (number.length > 20) errors.number = 'numberTooLong';
  if (name === '') errors.name = 'nameRequired';
  else if (name.length > 100) errors.name = 'nameTooLong';
  let nik: string | undefined;
  if (input.nik.trim() !== '') {
    const checked = normaliseNik(input.nik);
    if (checked.ok) nik = checked.value;
    else errors.nik = 'nikInvalid';
  }
  let phone: string | undefined;
  if (input.phone.trim() !== '') {
    const checked = normalisePhone(input.phone);
    if (checked.ok) phone = checked.value;
    else errors.phone = 'phoneInvalid';
  }
  if (address.length > 200) errors.address = 'addressTooLong';
  if (Object.keys(errors).length > 0) return { errors, clean: undefined };
  return {
    errors,
    clean: {
      number,
      name,
      ...(nik === undefined ? {} : { nik }),
      ...(phone === undefined ? {} : { phone }),
      ...(address === '' ? {} : { address }),
    },
  };
}
