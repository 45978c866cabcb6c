// Builds the app once per e2e run, and only when dist/ is missing or older than its sources: the
// browser tests run against `npm start`'s server, which serves dist/ (and is told not to build,
// so several test files never race on one build). Uses the server's own staleness rule.
import path from 'node:path';
import { decideBuild } from '../../server/startup/build-if-stale.ts';
import { PROJECT_ROOT } from '../support/app-server.ts';
import { viteBuild } from './vite-build.ts';

export default async function setup(): Promise<void> {
  const decision = decideBuild(PROJECT_ROOT, path.join(PROJECT_ROOT, 'dist'));
  if (decision === 'no-sources') throw new Error('index.html is missing: nothing to build for the browser tests');
  if (decision !== 'up-to-date') await viteBuild();
}
