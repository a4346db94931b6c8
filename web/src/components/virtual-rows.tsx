import { useCallback, useRef, useState, type FocusEvent, type UIEvent } from 'react';

/** Below this many rows every row is rendered: a class (~25) or a small school needs no windowing. */
export const VIRTUALISE_FROM = 200;

export type RowWindow = { first: number; last: number; padTop: number; padBottom: number };

/**
 * Which rows a viewport shows, plus `overscan` rows each side so Tab always finds the next row
 * already rendered. Fixed row height: the rows are styled to one line (`.virtual-row`).
 * `last` is exclusive.
 */
export function windowOf(
  scrollTop: number,
  viewport: number,
  rowHeight: number,
  count: number,
  overscan = 8,
): RowWindow {
  const first = Math.max(0, Math.floor(scrollTop / rowHeight) - overscan);
  const last = Math.min(count, Math.ceil((scrollTop + viewport) / rowHeight) + overscan);
  return {
    first,
    last: Math.max(first, last),
    padTop: first * rowHeight,
    padBottom: Math.max(0, count - last) * rowHeight,
  };
}

type Options = { rowHeight: number; viewport: number; threshold?: number };

/**
 * Simple windowing for long tables (no library: DESIGN.md budget). Lists shorter than
 * `threshold` render every row; longer ones render the rows in view inside a scrolling box of
 * `viewport` px. Keyboard: the box is focusable (arrows and Page keys scroll it) and a row that
 * receives focus (Tab through its links) is scrolled into view, so the window follows the focus.
 * Rows carry `data-index` so the focus handler knows where it is.
 */
export function useVirtualRows(count: number, { rowHeight, viewport, threshold = VIRTUALISE_FROM }: Options) {
  const enabled = count >= threshold;
  const [scrollTop, setScrollTop] = useState(0);
  const boxRef = useRef<HTMLDivElement>(null);

  const onScroll = useCallback((event: UIEvent<HTMLDivElement>) => setScrollTop(event.currentTarget.scrollTop), []);

  const onFocus = useCallback(
    (event: FocusEvent<HTMLDivElement>) => {
      const box = boxRef.current;
      const row = (event.target as HTMLElement).closest<HTMLElement>('[data-index]');
      if (!enabled || !box || !row) return;
      const top = Number(row.dataset.index) * rowHeight;
      const header = box.querySelector('thead')?.getBoundingClientRect().height ?? 0;
      if (top < box.scrollTop) box.scrollTop = top;
      else if (top + rowHeight > box.scrollTop + viewport - header) box.scrollTop = top + rowHeight - viewport + header;
      setScrollTop(box.scrollTop);
    },
    [enabled, rowHeight, viewport],
  );

  const win: RowWindow = enabled
    ? windowOf(scrollTop, viewport, rowHeight, count)
    : { first: 0, last: count, padTop: 0, padBottom: 0 };
  const boxProps = enabled
    ? { ref: boxRef, onScroll, onFocus, style: { maxHeight: viewport, overflowY: 'auto' as const } }
    : { ref: boxRef };
  return { enabled, window: win, boxProps };
}

/** Keeps the scroll height of the rows not rendered; hidden from assistive technology. */
export function SpacerRow({ height, colSpan }: { height: number; colSpan: number }) {
  if (height <= 0) return null;
  return (
    <tr aria-hidden="true" className="virtual-spacer">
      <td colSpan={colSpan} style={{ height, padding: 0, border: 0 }} />
    </tr>
  );
}
