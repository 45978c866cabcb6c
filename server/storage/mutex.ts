/** A promise-chain mutex: work queued on it runs one at a time, in arrival order. */
export class Mutex {
  private tail: Promise<unknown> = Promise.resolve();

  run<T>(work: () => Promise<T> | T): Promise<T> {
    const result = this.tail.then(work, work);
    // The next waiter starts when this one settles, whatever the outcome.
    this.tail = result.then(
      () => undefined,
      () => undefined,
    );
    return result;
  }
}

/** One mutex per key, dropped when idle. */
export class KeyedMutex {
  private readonly locks = new Map<string, { mutex: Mutex; waiting: number }>();

  async run<T>(key: string, work: () => Promise<T> | T): Promise<T> {
    let slot = this.locks.get(key);
    if (slot === undefined) {
      slot = { mutex: new Mutex(), waiting: 0 };
      this.locks.set(key, slot);
    }
    slot.waiting += 1;
    try {
      return await slot.mutex.run(work);
    } finally {
      slot.waiting -= 1;
      if (slot.waiting === 0) this.locks.delete(key);
    }
  }
}
