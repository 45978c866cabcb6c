/**
 * Checks of what the treasurer types to enroll the phone, before anything is sent. The district
 * server issues 12-character codes from an alphabet without look-alikes, shown as `ABCD-EFGH-JK23`
 * (server/routes/admin-cooperatives.ts); spaces, dashes and case do not matter.
 */
import { normaliseEnrollmentCode } from '../../sync/enrollment-code.ts';

export const CODE_LENGTH = 12;
export const DEVICE_NAME_MAX = 60;

export type CodeProblem =
  | { code: 'code-empty' }
  | { code: 'code-characters' }
  | { code: 'code-short'; length: number }
  | { code: 'code-long'; length: number };

export function checkCode(text: string): CodeProblem | null {
  const code = normaliseEnrollmentCode(text);
  if (code === '') return { code: 'code-empty' };
  if (!/^[A-Z0-9]+$/.test(code)) return { code: 'code-characters' };
  if (code.length < CODE_LENGTH) return { code: 'code-short', length: code.length };
  if (code.length > CODE_LENGTH) return { code: 'code-long', length: code.length };
  return null;
}

export type ServerProblem = 'server-empty' | 'server-invalid';

/** The server's origin as typed (`http://192.168.1.10:8080`), without a trailing slash. */
export function parseServerUrl(text: string): { ok: true; url: string } | { ok: false; problem: ServerProblem } {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: false, problem: 'server-empty' };
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    return { ok: false, problem: 'server-invalid' };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return { ok: false, problem: 'server-invalid' };
  if (url.search !== '' || url.hash !== '') return { ok: false, problem: 'server-invalid' };
  return { ok: true, url: `${url.origin}${url.pathname.replace(/\/+$/, '')}` };
}

export type DeviceNameProblem = 'device-name-empty' | 'device-name-long';

export function checkDeviceName(text: string): DeviceNameProblem | null {
  const trimmed = text.trim();
  if (trimmed === '') return 'device-name-empty';
  if (trimmed.length > DEVICE_NAME_MAX) return 'device-name-long';
  return null;
}
