// Runs before the app's modules (a deferred classic script placed ahead of the module script).
// Zod 4 compiles parsers with `new Function` unless told otherwise, and probes for it when a schema
// is *constructed* — at import time, inside whichever bundle chunk holds the schemas, so a call to
// zod's `config()` from our own entry module would come too late. Our Content-Security-Policy has no
// 'unsafe-eval', so the probe is blocked and reported as a violation. Zod reads its global config
// from `globalThis.__zod_globalConfig` (shared between zod copies); setting `jitless` there first
// keeps zod on its interpreted parser. The e2e CSP test fails if this ever stops working.
globalThis.__zod_globalConfig = Object.assign(globalThis.__zod_globalConfig || {}, { jitless: true });
