import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { UpdateBanner } from '../../src/app/update/UpdateBanner.tsx';
import { laterUpdateSource, type UpdateEvent, type UpdateSource } from '../../src/app/update/update-source.ts';
import { setLanguage, useLanguageStore } from '../../src/i18n/language-store.ts';

/**
 * A registration stand-in with the same shape workboxUpdateSource gives the banner: it records
 * SKIP_WAITING messages and lets the test fire the worker's lifecycle events. The component
 * under test is the real banner. (The full flow against a real worker runs in tests/e2e.)
 */
function fakeRegistration(initiallyWaiting = false) {
  const listeners = new Set<(event: UpdateEvent) => void>();
  let waiting = initiallyWaiting;
  const calls = { skipWaiting: 0, reload: 0 };
  const source: UpdateSource = {
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    hasWaitingVersion: () => waiting,
    skipWaiting: () => {
      calls.skipWaiting++;
    },
  };
  const fire = (event: UpdateEvent) =>
    act(() => {
      if (event.type === 'waiting') waiting = true;
      for (const listener of listeners) listener(event);
    });
  const reload = () => {
    calls.reload++;
  };
  return { source, fire, calls, reload };
}

beforeEach(() => {
  useLanguageStore.setState({ language: 'id' });
});

describe('the update banner', () => {
  it('stays hidden until a new version waits, and on first install', () => {
    const sw = fakeRegistration();
    render(<UpdateBanner source={sw.source} reload={sw.reload} />);
    expect(screen.queryByText('Versi baru tersedia')).not.toBeInTheDocument();
    sw.fire({ type: 'controlling', isUpdate: false });
    expect(screen.queryByText('Versi baru tersedia')).not.toBeInTheDocument();
    expect(sw.calls.reload).toBe(0);
  });

  it('offers the update, and only after "Muat ulang" tells the worker to skip waiting, then reloads on controlling', async () => {
    const user = userEvent.setup();
    const sw = fakeRegistration();
    render(<UpdateBanner source={sw.source} reload={sw.reload} />);
    sw.fire({ type: 'waiting' });
    expect(screen.getByText('Versi baru tersedia')).toBeInTheDocument();
    expect(sw.calls.skipWaiting).toBe(0);

    await user.click(screen.getByRole('button', { name: 'Muat ulang' }));
    expect(sw.calls.skipWaiting).toBe(1);
    expect(sw.calls.reload).toBe(0);
    expect(screen.getByText('Memuat versi baru…')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Muat ulang' })).not.toBeInTheDocument();

    sw.fire({ type: 'controlling', isUpdate: true });
    expect(sw.calls.reload).toBe(1);
  });

  it('"Nanti" hides the banner without activating the new version', async () => {
    const user = userEvent.setup();
    const sw = fakeRegistration(true);
    render(<UpdateBanner source={sw.source} reload={sw.reload} />);
    // A version left waiting in an earlier session is offered again at start.
    expect(screen.getByText('Versi baru tersedia')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Nanti' }));
    expect(screen.queryByText('Versi baru tersedia')).not.toBeInTheDocument();
    expect(sw.calls.skipWaiting).toBe(0);
    expect(sw.calls.reload).toBe(0);
  });

  it('asks for a reload when another tab already activated the new version', async () => {
    const user = userEvent.setup();
    const sw = fakeRegistration();
    render(<UpdateBanner source={sw.source} reload={sw.reload} />);
    sw.fire({ type: 'controlling', isUpdate: true });
    expect(sw.calls.reload).toBe(0);
    await user.click(screen.getByRole('button', { name: 'Muat ulang' }));
    expect(sw.calls.reload).toBe(1);
    expect(sw.calls.skipWaiting).toBe(0);
  });

  it('speaks English when English is chosen', async () => {
    await setLanguage('en');
    const sw = fakeRegistration(true);
    render(<UpdateBanner source={sw.source} reload={sw.reload} />);
    expect(screen.getByText('A new version is available')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Reload' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Later' })).toBeInTheDocument();
  });
});

describe('the banner on a registration that starts after the first screen (laterUpdateSource)', () => {
  function later() {
    let resolve: (source: UpdateSource) => void = () => undefined;
    let reject: (error: unknown) => void = () => undefined;
    const ready = new Promise<UpdateSource>((res, rej) => {
      resolve = res;
      reject = rej;
    });
    return { source: laterUpdateSource(ready), resolve, reject };
  }

  it('offers a version found waiting when the registration arrives, and passes "Muat ulang" on to it', async () => {
    const user = userEvent.setup();
    const registration = later();
    render(<UpdateBanner source={registration.source} />);
    expect(registration.source.hasWaitingVersion()).toBe(false);
    expect(screen.queryByRole('button', { name: 'Muat ulang' })).toBeNull();
    const sw = fakeRegistration(true);
    await act(async () => {
      registration.resolve(sw.source);
      await Promise.resolve();
    });
    expect(await screen.findByRole('button', { name: 'Muat ulang' })).toBeInTheDocument();
    expect(registration.source.hasWaitingVersion()).toBe(true);
    await user.click(screen.getByRole('button', { name: 'Muat ulang' }));
    expect(sw.calls.skipWaiting).toBe(1);
  });

  it('tells the banner the events of the registration once it exists, and nothing after a failed one', async () => {
    const registration = later();
    render(<UpdateBanner source={registration.source} />);
    const sw = fakeRegistration();
    await act(async () => {
      registration.resolve(sw.source);
      await Promise.resolve();
    });
    expect(screen.queryByRole('button', { name: 'Muat ulang' })).toBeNull();
    sw.fire({ type: 'waiting' });
    expect(await screen.findByRole('button', { name: 'Muat ulang' })).toBeInTheDocument();

    const failed = later();
    failed.reject(new Error('no worker'));
    await Promise.resolve();
    expect(failed.source.hasWaitingVersion()).toBe(false);
    expect(() => failed.source.skipWaiting()).not.toThrow();
  });
});
