import { defaultRangeExtractor, measureElement, observeElementRect, useVirtualizer, type Range, type Virtualizer } from '@tanstack/react-virtual';
import { useCallback, type RefObject } from 'react';

export interface VirtualRowsOptions {
  count: number;
  scrollRef: RefObject<HTMLElement | null>;
  /** The key of the row at an index, under which its measured height is kept. */
  keyAt(index: number): string;
  /** A row's height before it is measured. */
  estimate: number;
  /** The viewport to assume while the container has no layout (jsdom; before the first frame). */
  fallbackHeight: number;
  /** Rows rendered even when scrolled far away (the focused row): focus never falls out of the DOM. */
  pinned: number[];
  /** Space above the first row inside the scroll container, such as a sticky header. */
  offset?: number;
}

/** Only the rows in view (plus overscan and pinned rows) are rendered; heights are measured as rows mount. */
export function useVirtualRows({ count, scrollRef, keyAt, estimate, fallbackHeight, pinned, offset = 0 }: VirtualRowsOptions) {
  const pinnedKey = pinned.join(',');
  const rangeExtractor = useCallback(
    (range: Range) => {
      const indexes = defaultRangeExtractor(range);
      const first = indexes[0] ?? 0;
      const last = indexes[indexes.length - 1] ?? -1;
      const extra = new Set(pinnedKey.split(',').map(Number).filter((i) => i >= 0 && i < range.count && (i < first || i > last)));
      return extra.size ? [...indexes, ...extra].sort((a, b) => a - b) : indexes;
    },
    [pinnedKey],
  );
  // The virtualizer keeps its own mutable state; it is the one object here that React does not own.
  // eslint-disable-next-line react-hooks/incompatible-library
  return useVirtualizer<HTMLElement, HTMLElement>({
    count,
    getScrollElement: () => scrollRef.current,
    getItemKey: keyAt,
    estimateSize: () => estimate,
    overscan: 10,
    scrollMargin: offset,
    scrollPaddingStart: offset,
    rangeExtractor,
    initialRect: { width: 0, height: fallbackHeight },
    observeElementRect: (instance, cb) => observeElementRect(instance, (rect) => cb(rect.height > 0 ? rect : { ...rect, height: fallbackHeight })),
    measureElement: (element, entry, instance) => measureElement(element, entry, instance) || estimate,
  });
}

export interface PlacedRow {
  index: number;
  key: string;
  /** Empty space to leave above this row: rows not rendered, or the gap before a pinned row. */
  gapBefore: number;
}

/** The rendered rows in order with the space each leaves before it, and the space after the last. */
export function placeRows(virtualizer: Virtualizer<HTMLElement, HTMLElement>): { rows: PlacedRow[]; gapAfter: number } {
  const margin = virtualizer.options.scrollMargin;
  let end = 0;
  const rows = virtualizer.getVirtualItems().map((item) => {
    const gapBefore = item.start - margin - end;
    end = item.end - margin;
    return { index: item.index, key: String(item.key), gapBefore };
  });
  return { rows, gapAfter: Math.max(0, virtualizer.getTotalSize() - end) };
}

/** The index a navigation key moves to from `index` in a list of `count`, or null for another key. */
export function nextIndex(key: string, index: number, count: number, page: number): number | null {
  const last = count - 1;
  switch (key) {
    case 'ArrowDown':
      return Math.min(last, index + 1);
    case 'ArrowUp':
      return Math.max(0, index - 1);
    case 'PageDown':
      return Math.min(last, index + page);
    case 'PageUp':
      return Math.max(0, index - page);
    case 'Home':
      return 0;
    case 'End':
      return last;
    default:
      return null;
  }
}
