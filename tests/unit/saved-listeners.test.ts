import { describe, expect, it } from 'vitest';
import { notifyEntrySaved, onEntrySaved } from '../../src/features/forms/saved-listeners.ts';

// Listeners are asked for after the next paint (when-idle.ts); with no frames here (no
// requestAnimationFrame in Node), after-paint.ts's fallback of 250 ms stands in for it.
const nextTasks = () => new Promise((resolve) => setTimeout(resolve, 300));

describe('saved-entry listeners', () => {
  it('hear of a save after the task that saved it (so "Tersimpan" paints first), once per burst of saves', async () => {
    let heard = 0;
    const off = onEntrySaved(() => {
      heard++;
    });
    notifyEntrySaved();
    notifyEntrySaved();
    expect(heard).toBe(0);
    await nextTasks();
    expect(heard).toBe(1);
    notifyEntrySaved();
    await nextTasks();
    expect(heard).toBe(2);
    off();
  });

  it('a failing listener does not keep the others from hearing', async () => {
    const heard: string[] = [];
    const offs = [
      onEntrySaved(() => {
        throw new Error('sync not ready');
      }),
      onEntrySaved(() => heard.push('engine')),
    ];
    notifyEntrySaved();
    await nextTasks();
    expect(heard).toEqual(['engine']);
    for (const off of offs) off();
  });
});
