/**
 * `prevHash` of a device's first entry (CONTRACT §2). A module of its own so that code needing only
 * this constant (the phone's meta table, read by the session gate on every start) does not load
 * the entry schemas with it.
 */
export const ZERO_HASH = '0'.repeat(64);
