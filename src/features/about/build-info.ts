// Build constants injected by vite.config.ts `define`. Test runners and `vite dev` without the
// define would leave the identifiers undeclared at runtime, so each read is guarded with typeof.
declare const __APP_VERSION__: string | undefined;
declare const __BUILD_TIME__: string | undefined;

export const APP_VERSION: string = typeof __APP_VERSION__ === 'string' ? __APP_VERSION__ : 'dev';
/** ISO instant of the build, or undefined in development. */
export const BUILD_TIME: string | undefined = typeof __BUILD_TIME__ === 'string' ? __BUILD_TIME__ : undefined;
