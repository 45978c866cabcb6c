import { useCallback, useEffect, useLayoutEffect, useRef, useState, type ReactNode } from 'react';

/** Rows rendered above and below the visible part, so a flick or a Tab lands on a row already there. */
const OVERSCAN = 6;
/** A row's height and gap before one is measured: one line of text in a 48 px touch target, plus its second line. */
const ESTIMATED_PITCH = 72;
/**
 * Re-measurements of the pitch per list contents or viewport size: rows of slightly different
 * heights give a slightly different average in each window, which must not re-render for ever.
 */
const MEASUREMENTS = 3;

type Range = { readonly first: number; readonly end: number };

type Props<T> = {
  readonly items: readonly T[];
  readonly itemKey: (item: T) => string;
  readonly renderItem: (item: T) => ReactNode;
  /** The list's accessible name. */
  readonly label: string;
  readonly className?: string;
};

/**
 * A list of any length that renders only the rows in view (and a few around them), scrolled by
 * the page itself: a real `<ul>` whose padding stands in for the rows above and below, each
 * rendered `<li>` telling assistive technology its place in the whole list
 * (`aria-posinset`/`aria-setsize`), so "12 of 5 000" is read although 20 rows exist.
 *
 * Rows are assumed to be about the same height (they are one member each); the pitch (height + gap)
 * is measured from the rendered rows and follows large text or a narrow screen. Scrolling and
 * resizing re-render only when the range of rows in view changes.
 */
export function VirtualList<T>({ items, itemKey, renderItem, label, className }: Props<T>) {
  const listRef = useRef<HTMLUListElement>(null);
  const [pitch, setPitch] = useState(ESTIMATED_PITCH);
  const [range, setRange] = useState<Range>(() => ({ first: 0, end: Math.ceil(viewportHeight() / ESTIMATED_PITCH) + OVERSCAN }));
  const measurements = useRef(MEASUREMENTS);

  const update = useCallback(() => {
    const list = listRef.current;
    if (list === null) return;
    const next = rangeInView(list, pitch);
    setRange((current) => (current.first === next.first && current.end === next.end ? current : next));
  }, [pitch]);

  // The rows in view follow the page's scrolling and size; at most one update a frame.
  useEffect(() => {
    let frame = 0;
    const schedule = () => {
      if (frame === 0) frame = requestAnimationFrame(() => ((frame = 0), update()));
    };
    const resized = () => {
      measurements.current = MEASUREMENTS;
      schedule();
    };
    window.addEventListener('scroll', schedule, { passive: true });
    window.addEventListener('resize', resized);
    return () => {
      window.removeEventListener('scroll', schedule);
      window.removeEventListener('resize', resized);
      cancelAnimationFrame(frame);
    };
  }, [update]);

  // New contents may have rows of another height (declared before the measuring effect, which runs after it).
  useLayoutEffect(() => {
    measurements.current = MEASUREMENTS;
  }, [items]);

  // Before paint: measure the rows just rendered, and correct the range if the list moved or shrank.
  useLayoutEffect(() => {
    const list = listRef.current;
    if (list === null) return;
    const measured = measurements.current > 0 ? measuredPitch(list) : undefined;
    if (measured !== undefined && Math.abs(measured - pitch) > 0.5) {
      measurements.current -= 1;
      setPitch(measured);
    } else {
      update();
    }
  });

  // A shorter list than the range (a narrower search while scrolled down): its last rows, until
  // the layout effect has placed the range where the list now is.
  const first = Math.max(0, Math.min(range.first, items.length - (range.end - range.first)));
  const end = Math.min(first + (range.end - range.first), items.length);
  const shown = items.slice(first, end);
  return (
    <ul
      ref={listRef}
      className={className}
      aria-label={label}
      style={{ paddingTop: first * pitch, paddingBottom: (items.length - end) * pitch }}
    >
      {shown.map((item, offset) => (
        <li key={itemKey(item)} aria-posinset={first + offset + 1} aria-setsize={items.length}>
          {renderItem(item)}
        </li>
      ))}
    </ul>
  );
}

function viewportHeight(): number {
  return typeof window === 'undefined' ? 800 : window.innerHeight || 800;
}

/** The rows whose place (at `pitch` each) overlaps the viewport, plus the overscan. */
function rangeInView(list: HTMLElement, pitch: number): Range {
  const top = list.getBoundingClientRect().top;
  const visibleFrom = Math.max(0, -top);
  const visibleTo = Math.max(0, viewportHeight() - top);
  return {
    first: Math.max(0, Math.floor(visibleFrom / pitch) - OVERSCAN),
    end: Math.ceil(visibleTo / pitch) + OVERSCAN,
  };
}

/** Distance from the first rendered row's top to the last one's, per row; undefined with fewer than two rows or no layout. */
function measuredPitch(list: HTMLElement): number | undefined {
  const rows = list.children;
  const firstRow = rows[0];
  const lastRow = rows[rows.length - 1];
  if (rows.length < 2 || firstRow === undefined || lastRow === undefined) return undefined;
  const span = lastRow.getBoundingClientRect().top - firstRow.getBoundingClientRect().top;
  return span > 0 ? span / (rows.length - 1) : undefined;
}
