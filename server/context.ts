/** What every route needs, built once per app by buildApp and passed to each route module. */
import type { Clock } from './clock.ts';
import type { FailureThrottle } from './http/failure-throttle.ts';
import type { TokenBuckets } from './http/token-bucket.ts';
import type { LedgerCache } from './entries/ledger-cache.ts';
import type { Store } from './storage/store.ts';

export interface ServerContext {
  store: Store;
  clock: Clock;
  version: string;
  ledgers: LedgerCache;
  throttles: {
    loginByIp: FailureThrottle;
    loginByUser: FailureThrottle;
    enrollByIp: FailureThrottle;
  };
  rates: {
    perIp: TokenBuckets;
    perDevice: TokenBuckets;
  };
}
