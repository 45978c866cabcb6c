// The usable mark and the work that waits for the first screen's paint (src/features/session/
// usable-mark.ts). The mark is made as the first screen is committed; the deferred work (Dexie, the
// sync engine, the gate's actions) starts only after the next frame has been painted, or after a
// task on a page that renders no frames (hidden), or after a limit if no frame ever comes. Chromium
// shows the effect on the real app in tests/e2e/first-paint.test.ts.
import { act, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

type UsableMark = typeof import('../../src/features/session/usable-mark.ts');

/**
 * A fresh copy of the module (it keeps "usable" and "shown" once per page load), with `work`
 * waiting for the first screen, and setTimeout faked from here on: the test moves time itself, so
 * the 1 s limit cannot fire early on a slow machine.
 */
async function waitingWork(): Promise<{ module: UsableMark; work: ReturnType<typeof vi.fn> }> {
  vi.resetModules();
  const module = await import('../../src/features/session/usable-mark.ts');
  const work = vi.fn();
  module.whenFirstScreenShown(work);
  vi.useFakeTimers({ toFake: ['setTimeout'] });
  return { module, work };
}

/** The first screen (marks itself usable) beside a part that waits for it to be shown. */
function renderFirstScreen({ useUsableMark, useFirstScreenShown }: UsableMark) {
  function FirstScreen() {
    useUsableMark(true);
    return <h1>Lumbung terkunci</h1>;
  }
  function Deferred() {
    return <p>{useFirstScreenShown() ? 'mesin sinkron dimuat' : 'menunggu'}</p>;
  }
  render(
    <>
      <FirstScreen />
      <Deferred />
    </>,
  );
}

/** Animation frames run only when the test says so. */
function controlledFrames(): { fire(): void } {
  let callbacks: FrameRequestCallback[] = [];
  vi.stubGlobal('requestAnimationFrame', (callback: FrameRequestCallback) => callbacks.push(callback));
  return {
    fire() {
      const due = callbacks;
      callbacks = [];
      for (const callback of due) callback(performance.now());
    },
  };
}

/** Runs the tasks due now (setTimeout is faked). */
const nextTask = () => vi.advanceTimersByTimeAsync(0);

beforeEach(() => {
  performance.clearMarks();
});

afterEach(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
  Reflect.deleteProperty(document, 'visibilityState');
});

describe('the first screen: marked at its commit, the deferred work after its paint', () => {
  it('waits for the frame that paints the first screen, then for the task after it', async () => {
    const frames = controlledFrames();
    const { module, work } = await waitingWork();

    renderFirstScreen(module);
    expect(performance.getEntriesByName(module.USABLE_MARK)).toHaveLength(1);
    await act(nextTask);
    expect(work).not.toHaveBeenCalled();
    expect(screen.getByText('menunggu')).toBeTruthy();

    // The frame runs its callbacks, then paints; the work is a task queued from the callback.
    frames.fire();
    expect(work).not.toHaveBeenCalled();
    await act(nextTask);
    expect(work).toHaveBeenCalledTimes(1);
    expect(screen.getByText('mesin sinkron dimuat')).toBeTruthy();

    // Once shown, later callers run at once, and the mark is not made twice.
    const later = vi.fn();
    module.whenFirstScreenShown(later);
    expect(later).toHaveBeenCalledTimes(1);
    frames.fire();
    await act(nextTask);
    expect(work).toHaveBeenCalledTimes(1);
    expect(performance.getEntriesByName(module.USABLE_MARK)).toHaveLength(1);
  });

  it('runs after a task on a hidden page, which renders no frames', async () => {
    controlledFrames();
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'hidden' });
    const { module, work } = await waitingWork();

    renderFirstScreen(module);
    expect(work).not.toHaveBeenCalled();
    await act(nextTask);
    expect(work).toHaveBeenCalledTimes(1);
  });

  it('runs after a second at most when no frame comes, and only once when the frame comes late', async () => {
    const frames = controlledFrames();
    const { module, work } = await waitingWork();

    renderFirstScreen(module);
    await act(() => vi.advanceTimersByTimeAsync(999));
    expect(work).not.toHaveBeenCalled();
    await act(() => vi.advanceTimersByTimeAsync(1));
    expect(work).toHaveBeenCalledTimes(1);

    frames.fire();
    await act(() => vi.advanceTimersByTimeAsync(10));
    expect(work).toHaveBeenCalledTimes(1);
  });
});
