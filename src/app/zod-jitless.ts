// Imported first by main.tsx, so it runs before every other module of the app (the first-load chunk
// evaluates in import order; lazy chunks come later). Zod 4 compiles parsers with `new Function`
// unless told otherwise, and probes for it when a schema is *constructed* — at import time, in
// whichever chunk holds the schemas. Our Content-Security-Policy has no 'unsafe-eval', so the probe
// would be blocked and reported as a violation. Zod reads its global config from
// `globalThis.__zod_globalConfig` (shared between zod copies); setting `jitless` there before any
// zod module runs keeps it on its interpreted parser without importing zod into the first load.
// (It was a separate classic script in index.html: one more fetch before the first screen.)
// The e2e CSP test (tests/e2e/pwa-shell.test.ts) fails if this ever stops working.
type ZodGlobalConfig = { jitless?: boolean };
const scope = globalThis as typeof globalThis & { __zod_globalConfig?: ZodGlobalConfig };
scope.__zod_globalConfig = { ...scope.__zod_globalConfig, jitless: true };
