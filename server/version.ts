/** The version reported by GET /api/v1/health: the one in package.json. */
import { readFileSync } from 'node:fs';

export function readPackageVersion(): string {
  const raw: unknown = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
  if (typeof raw === 'object' && raw !== null && 'version' in raw && typeof raw.version === 'string') return raw.version;
  return '0.0.0';
}
