/**
 * The simulation's ground truth (research/reliability.md §4.4 "the model"): every save the harness
 * attempted on a phone and what the treasurer saw of it. The invariants hold the real system to it.
 */
import type { EntryType } from '../../src/domain/entry/schema.ts';

export type SaveOutcome =
  /** The app said "Tersimpan": this entry must reach the server exactly once, or be rejected visibly. */
  | 'confirmed'
  /** Committed, but the app died before saying so: it is in the outbox and must sync like any other. */
  | 'committed-unseen'
  /** The app died before the commit: nothing of it may exist anywhere. */
  | 'crashed-before-commit'
  /** The app refused it with a reason (a second reversal on this phone, …): never saved. */
  | 'refused';

export type Attempt = {
  readonly id: string;
  readonly phone: string;
  readonly cooperativeId: string;
  readonly type: EntryType;
  readonly outcome: SaveOutcome;
  /** The signed entry's hash, when it was committed. */
  readonly hash?: string;
};

export type Violation = { readonly invariant: string; readonly detail: string };

/** The four figures the issue asks for, each must be 0; `other` holds every further breach. */
export type Breaches = { lost: number; duplicated: number; unbalanced: number; leaked: number; other: number };

export function noBreaches(): Breaches {
  return { lost: 0, duplicated: 0, unbalanced: 0, leaked: 0, other: 0 };
}

export class Findings {
  readonly violations: Violation[] = [];
  readonly breaches: Breaches = noBreaches();

  add(kind: keyof Breaches, invariant: string, detail: string): void {
    this.breaches[kind]++;
    // Enough to debug; a broken run can produce thousands.
    if (this.violations.length < 40) this.violations.push({ invariant, detail });
  }
}
