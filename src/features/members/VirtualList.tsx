import { useLayoutEffect, useRef, useState, type MouseEventHandler } from 'react';

/**
 * Rows rendered above and below the visible part once the user scrolls or moves the focus into the
 * list, so a flick or a Tab lands on a row already there. New contents (a keystroke) render only
 * the rows on screen, and nothing more after that frame: the overscan would be a second render,
 * layout and paint competing with the next keystroke (docs/performance.md §2, session 4).
 */
const OVERSCAN = 6;
/** A row's height and gap before one is measured: one line of text in a 48 px touch target, plus its second line. */
const ESTIMATED_PITCH = 72;
/**
 * Re-measurements of the pitch per list contents or width: rows of slightly different heights give
 * a slightly different average in each window, which must not re-render for ever.
 */
const MEASUREMENTS = 3;

/** Rows `first` … `end` − 1 are rendered; `shownFirst` … `shownEnd` − 1 of them are on screen (the rest is overscan). */
type Range = { readonly first: number; readonly end: number; readonly shownFirst: number; readonly shownEnd: number };

type Props<T> = {
  readonly items: readonly T[];
  readonly itemKey: (item: T) => string;
  /**
   * Writes `item` into a row (`<li>`) that may hold another item, or nothing yet. The rows' contents
   * are not React's: a keystroke changes which item each pooled row shows, and rewriting a few text
   * nodes in place costs far less than React reconciling every row's elements (docs/performance.md
   * §2, session 4). Called only when a row's item (or this function) changed.
   */
  readonly writeItem: (row: HTMLLIElement, item: T) => void;
  /** The list's accessible name. */
  readonly label: string;
  readonly className?: string;
  /** One handler for every row's clicks (delegation: rows need no handler of their own). */
  readonly onClick?: MouseEventHandler<HTMLUListElement>;
};

/**
 * A list of any length that renders only the rows in view (and a few around them), scrolled by
 * the page itself: a real `<ul>` whose padding stands in for the rows above and below, each
 * rendered `<li>` telling assistive technology its place in the whole list
 * (`aria-posinset`/`aria-setsize`), so "12 of 5 000" is read although 20 rows exist.
 *
 * Rows are assumed to be about the same height (they are one member each); the pitch (height + gap)
 * is measured from the rendered rows and follows large text or a narrow screen. No geometry is read
 * while rendering or committing (that would force a layout in the middle of a keystroke): the pitch
 * is measured in a ResizeObserver callback, which runs after the frame's own layout, whenever the
 * first row's size changes (another text size, another width, a name wrapping otherwise); the rows in view
 * are re-read on scroll and resize, at most once a frame.
 */
export function VirtualList<T>({ items, itemKey, writeItem, label, className, onClick }: Props<T>) {
  const listRef = useRef<HTMLUListElement>(null);
  const [pitch, setPitch] = useState(ESTIMATED_PITCH);
  const [range, setRange] = useState<Range>(() => withOverscan(0, Math.ceil(viewportHeight() / ESTIMATED_PITCH)));
  // The contents whose overscan rows are rendered: new contents (a keystroke) render the rows on
  // screen only; the overscan follows the first scroll or focus in the list.
  const [settled, setSettled] = useState<readonly T[]>();
  const itemsNow = useRef(items);
  // What the observers read: the pitch rendered now, and how many more re-measurements it may take.
  const pitchNow = useRef(pitch);
  const rangeNow = useRef(range);
  const measurements = useRef(MEASUREMENTS);
  const focusedKey = useRef<string>(undefined);
  // The size watch (below) and the row it watches.
  const observer = useRef<ResizeObserver>(undefined);
  const watched = useRef<Element>(undefined);

  useLayoutEffect(() => {
    pitchNow.current = pitch;
  }, [pitch]);
  // New contents may have rows of another height.
  useLayoutEffect(() => {
    measurements.current = MEASUREMENTS;
    itemsNow.current = items;
  }, [items]);

  // Listening from the commit that shows the list, not an effect later: a scroll in between would
  // be missed, leaving the rows of the top in view until the next one.
  useLayoutEffect(() => {
    const list = listRef.current;
    if (list === null) return;
    // Compared here, not in a state updater: the list's size changes with every keystroke (its
    // padding), and a set-state call, even one that keeps the state, costs a React pass in the frame.
    let placed = rangeNow.current;
    // `scrolled`: the user moved the page, so the rows around the view are wanted now.
    const place = (scrolled: boolean) => {
      if (scrolled) setSettled(itemsNow.current);
      const next = rangeInView(list, pitchNow.current);
      if (next.first === placed.first && next.end === placed.end && next.shownFirst === placed.shownFirst && next.shownEnd === placed.shownEnd) return;
      placed = next;
      setRange(next);
    };
    let frame = 0;
    const schedule = () => {
      if (frame === 0) frame = requestAnimationFrame(() => ((frame = 0), place(true)));
    };
    let width = -1;
    const resized = (entries: readonly ResizeObserverEntry[]) => {
      const box = entries.at(-1)?.contentRect;
      if (box !== undefined && box.width !== width) {
        width = box.width;
        measurements.current = MEASUREMENTS;
      }
      const measured = measurements.current > 0 ? measuredPitch(list) : undefined;
      if (measured !== undefined && Math.abs(measured - pitchNow.current) > 0.5) {
        measurements.current -= 1;
        pitchNow.current = measured;
        setPitch(measured);
      }
      place(false);
    };
    // Without ResizeObserver (jsdom), the estimate stands and only scrolling moves the range. It
    // watches the first row, not the list: the list's height changes with every keystroke (its
    // padding), a row's only with the text size, the width or a name that wraps otherwise — and a
    // callback per keystroke costs a script run and another style and layout check in its frame.
    observer.current = typeof ResizeObserver === 'undefined' ? undefined : new ResizeObserver(resized);
    watched.current = undefined;
    addEventListener('scroll', schedule, { passive: true });
    addEventListener('resize', schedule);
    return () => {
      observer.current?.disconnect();
      removeEventListener('scroll', schedule);
      removeEventListener('resize', schedule);
      cancelAnimationFrame(frame);
    };
  }, []);

  // What each row shows, so a commit rewrites only the rows whose item changed.
  const written = useRef(new WeakMap<Element, { readonly item: T; readonly write: Props<T>['writeItem'] }>());
  // Every commit: the rows' places may have changed (scrolling, a keystroke). Before the focus
  // fix-up below, which looks for the row showing an item. Then the size watch follows the first row.
  useLayoutEffect(() => {
    const list = listRef.current;
    if (list === null) return;
    for (const row of list.children) {
      const item = items[Number(row.getAttribute('aria-posinset')) - 1];
      const before = written.current.get(row);
      if (item === undefined || !(row instanceof HTMLLIElement) || (before?.item === item && before.write === writeItem)) continue;
      writeItem(row, item);
      written.current.set(row, { item, write: writeItem });
    }
    const first = list.firstElementChild ?? undefined;
    if (first !== watched.current) {
      if (watched.current !== undefined) observer.current?.unobserve(watched.current);
      if (first !== undefined) observer.current?.observe(first);
      watched.current = first;
    }
  });

  // A row has focus and the contents changed (a member added or renamed on another phone): the
  // focus moves to the row now showing the same item, so Enter opens what the user had reached.
  useLayoutEffect(() => {
    const list = listRef.current;
    const wanted = focusedKey.current;
    if (list === null || wanted === undefined || !(document.activeElement instanceof Element) || !list.contains(document.activeElement)) return;
    if (keyAt(document.activeElement, items, itemKey) === wanted) return;
    const row = [...list.children].find((li) => keyAt(li, items, itemKey) === wanted);
    const target = row?.querySelector<HTMLElement>('a, button, [tabindex]');
    if (target !== null && target !== undefined) target.focus({ preventScroll: true });
    // Its item is no longer rendered: as if its row had been removed, rather than Enter opening another.
    else if (document.activeElement instanceof HTMLElement) document.activeElement.blur();
  }, [items, itemKey]);

  // A shorter list than the range (a narrower search while scrolled down): its last rows, until
  // scrolling (the page got shorter) places the range where the list now is.
  // At least one row even with none on screen (the list below the fold), so Tab from the field
  // lands in the list.
  const [from, to] = settled === items ? [range.first, range.end] : [range.shownFirst, Math.max(range.shownEnd, range.shownFirst + 1)];
  const first = Math.max(0, Math.min(from, items.length - (to - from)));
  const end = Math.min(first + (to - from), items.length);
  const places = Array.from({ length: end - first }, (_, offset) => first + offset);
  return (
    <ul
      ref={listRef}
      className={className}
      aria-label={label}
      onClick={onClick}
      onFocus={(event) => {
        focusedKey.current = keyAt(event.target, items, itemKey);
        // Tab walks on from here: the next rows must exist before the next key.
        setSettled(items);
      }}
      onBlur={() => {
        focusedKey.current = undefined;
      }}
      style={{ paddingTop: first * pitch, paddingBottom: (items.length - end) * pitch }}
    >
      {places.map((place) => (
        // Keyed by place, not by item: a keystroke rewrites the text of the rows already there
        // instead of removing and creating elements (and scrolling by one row still adds and
        // drops one row). The focused row follows its item (below). No React children: the
        // row's contents are written by `writeItem` (above).
        <li key={place} aria-posinset={place + 1} aria-setsize={items.length} />
      ))}
    </ul>
  );
}

/** The key of the item shown by the row holding `node` (its place is in `aria-posinset`). */
function keyAt<T>(node: EventTarget, items: readonly T[], itemKey: (item: T) => string): string | undefined {
  const row = node instanceof Element ? node.closest('li[aria-posinset]') : null;
  const item = row === null ? undefined : items[Number(row.getAttribute('aria-posinset')) - 1];
  return item === undefined ? undefined : itemKey(item);
}

function viewportHeight(): number {
  return typeof window === 'undefined' ? 800 : window.innerHeight || 800;
}

const withOverscan = (shownFirst: number, shownEnd: number): Range => ({ first: Math.max(0, shownFirst - OVERSCAN), end: shownEnd + OVERSCAN, shownFirst, shownEnd });

/** The rows whose place (at `pitch` each) overlaps the viewport, and the overscan around them. */
function rangeInView(list: HTMLElement, pitch: number): Range {
  const top = list.getBoundingClientRect().top;
  const visibleFrom = Math.max(0, -top);
  const visibleTo = Math.max(0, viewportHeight() - top);
  return withOverscan(Math.floor(visibleFrom / pitch), Math.ceil(visibleTo / pitch));
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
