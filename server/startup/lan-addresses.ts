/** The addresses a phone on the office Wi-Fi can reach this server at. */
import { networkInterfaces } from 'node:os';

export function lanAddresses(): string[] {
  const found: string[] = [];
  for (const list of Object.values(networkInterfaces())) {
    for (const info of list ?? []) {
      if (info.family === 'IPv4' && !info.internal) found.push(info.address);
    }
  }
  return found;
}
