/** The session shared by every screen: the local store handle, the unlocked user, the cooperative. */
export { getDb, openDatabaseForTests } from './database.ts';
export {
  lockSession,
  roleCanManageUsers,
  roleCanWrite,
  signIn,
  useSessionStore,
  type SessionUser,
} from './session-store.ts';
export { currentActorName, useCanWrite, useCurrentUser } from './use-session.ts';
export { PROFILE_SETTING, readCooperative, useCooperative, type Cooperative, type CooperativeProfile } from './cooperative.ts';
export { SessionGate } from './SessionGate.tsx';
export { isUngatedPath } from './ungated-paths.ts';
