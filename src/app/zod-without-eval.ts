import { config } from 'zod';

// Zod 4 compiles object parsers with `new Function` when eval is allowed, and probes for it with a
// `Function('')` call. Our Content-Security-Policy (`script-src 'self'`, no 'unsafe-eval') blocks
// that probe and Chrome reports a CSP violation on every start. The interpreted parser is fast
// enough for our sizes, so switch the compiler off before any schema runs. Imported first by
// main.tsx so it takes effect before any other module evaluates.
config({ jitless: true });
