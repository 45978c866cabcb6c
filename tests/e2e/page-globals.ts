/**
 * The few browser globals the e2e tests read inside `page.evaluate`. These tests typecheck under
 * the Node tsconfig (no DOM lib), and the callbacks run in the page, so they reach the page's
 * globals through `globalThis as unknown as PageGlobals`; the cast is erased at compile time and
 * nothing is imported into the browser.
 */
type Registration = {
  readonly waiting: object | null;
  readonly active: object | null;
  update(): Promise<unknown>;
};

export type PageGlobals = {
  readonly navigator: {
    readonly serviceWorker: {
      readonly controller: object | null;
      getRegistration(): Promise<Registration | undefined>;
    };
  };
  readonly document: {
    readonly documentElement: {
      readonly scrollWidth: number;
      readonly style: { setProperty(name: string, value: string): void };
    };
    addEventListener(
      type: 'securitypolicyviolation',
      listener: (event: { readonly violatedDirective: string; readonly blockedURI: string }) => void,
    ): void;
  };
  readonly innerWidth: number;
  fetch(url: string): Promise<{ readonly status: number }>;
  reportViolation(text: string): void;
};
