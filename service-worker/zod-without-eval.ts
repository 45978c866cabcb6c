import { config } from 'zod';

// The worker runs the sync engine, which validates with zod. Zod 4 probes for `new Function` to
// compile its parsers; the worker script is served with the same Content-Security-Policy as the
// page (no 'unsafe-eval'), so the probe would be blocked and reported as a violation. The
// interpreted parser is enough. Imported first by background-sync.ts, so it runs before the
// engine's modules.
config({ jitless: true });
