/**
 * Removing a user of this phone. Their entries stay (entries are never deleted; `actor` is a name
 * on a signed entry, not a reference to this row). The phone must keep at least one bendahara, who
 * alone can manage users, and nobody removes themself while signed in.
 */
import type { LumbungDb } from '../../db/database.ts';

export type RemoveUserError = 'user-unknown' | 'last-treasurer' | 'self';

export async function removeUser(
  db: LumbungDb,
  userId: string,
  signedInUserId: string,
): Promise<{ ok: true } | { ok: false; error: RemoveUserError }> {
  if (userId === signedInUserId) return { ok: false, error: 'self' };
  return db.transaction('rw', db.users, async () => {
    const row = await db.users.get(userId);
    if (row === undefined) return { ok: false as const, error: 'user-unknown' as const };
    if (row.role === 'bendahara') {
      const treasurers = await db.users.filter((u) => u.role === 'bendahara').count();
      if (treasurers <= 1) return { ok: false as const, error: 'last-treasurer' as const };
    }
    await db.users.delete(userId);
    return { ok: true as const };
  });
}
