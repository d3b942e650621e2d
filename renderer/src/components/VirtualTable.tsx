import { Fragment, useCallback, useEffect, useLayoutEffect, useRef, useState, type FocusEvent, type KeyboardEvent, type ReactNode, type Ref } from 'react';
import { nextIndex, placeRows, useVirtualRows } from '../hooks/useVirtualRows';

/** What a row spreads onto its <tr>: its place for assistive technology, measurement and roving focus. */
export interface VirtualRowProps {
  ref: Ref<HTMLTableRowElement>;
  'data-index': number;
  'aria-rowindex': number;
  tabIndex: 0 | -1;
}

export interface VirtualTableProps<T extends { id: string }> {
  /** How many rows the list has (main's count of matching records). */
  count: number;
  /** The row at an index, or undefined while its page is on its way (a placeholder row is rendered). */
  rowAt(index: number): T | undefined;
  /** Told the indexes rendered (in view, overscan, pinned) whenever they change: their pages are loaded. */
  onRowsShown?(indexes: readonly number[]): void;
  className: string;
  /** Column widths: fixed, so columns keep their place as rows scroll in and out. */
  columns: string[];
  /** The header row's cells. */
  header: ReactNode;
  estimateRowHeight: number;
  /**
   * A row, or its placeholder while `row` is undefined: one component for both, rendering the same <tr>,
   * so a row focused before its page arrives keeps focus when it fills in.
   */
  renderRow(row: T | undefined, props: VirtualRowProps): ReactNode;
  /** Enter on a focused row. */
  onOpen?(row: T): void;
  /** A row to scroll to and focus, once per id (just created, or pointed to), at its index in the list's order. */
  reveal?: { id: string; index: number } | null;
}

const HEADER_ESTIMATE = 40;
const rowSelector = (index: number) => `tr[data-index="${index}"]`;

/**
 * A <table> that renders only the rows in view: the rows above and below are
 * empty spacer rows hidden from assistive technology, and aria-rowcount /
 * aria-rowindex tell where the rendered rows sit. Arrow keys, Page Up/Down,
 * Home and End move the focused row, loaded or not; Enter opens it.
 * Rows are keyed by index: a row's page arriving fills in the same <tr>.
 */
export function VirtualTable<T extends { id: string }>({ count, rowAt, onRowsShown, className, columns, header, estimateRowHeight, renderRow, onOpen, reveal = null }: VirtualTableProps<T>) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const [headerHeight, setHeaderHeight] = useState(HEADER_ESTIMATE);
  const measureHeader = useCallback((el: HTMLTableSectionElement | null) => {
    if (el && el.offsetHeight > 0) setHeaderHeight(el.offsetHeight);
  }, []);
  const [activeIndex, setActiveIndex] = useState(0);
  const revealIndex = reveal !== null && reveal.index < count ? reveal.index : -1;
  // Roving focus: one row is in the Tab order, the last one focused (or the first), within the list as it is now.
  const tabbable = Math.max(0, Math.min(activeIndex, count - 1));
  const keyAt = useCallback((index: number) => String(index), []);
  const virtualizer = useVirtualRows({ count, scrollRef, keyAt, estimate: estimateRowHeight, fallbackHeight: 800, pinned: [tabbable, revealIndex], offset: headerHeight });

  const rowElement = (index: number) => scrollRef.current?.querySelector<HTMLElement>(rowSelector(index)) ?? null;
  // A row moved to by the keyboard may mount only in the render the move causes.
  const pendingFocus = useRef<number | null>(null);
  useLayoutEffect(() => {
    if (pendingFocus.current === null) return;
    const row = rowElement(pendingFocus.current);
    pendingFocus.current = null;
    row?.focus({ preventScroll: true });
  });

  const revealed = useRef<string | null>(null);
  const revealId = reveal?.id ?? null;
  useEffect(() => {
    if (revealId === null) revealed.current = null;
    if (revealId === null || revealIndex < 0 || revealed.current === revealId) return;
    revealed.current = revealId;
    setActiveIndex(revealIndex);
    virtualizer.scrollToIndex(revealIndex, { align: 'center' });
    // Pinned, so it is in the DOM wherever it is, loaded or not.
    rowElement(revealIndex)?.focus({ preventScroll: true });
  }, [revealId, revealIndex, virtualizer]);

  const moveTo = (index: number) => {
    setActiveIndex(index);
    virtualizer.scrollToIndex(index, { align: 'auto' });
    const row = rowElement(index);
    if (row) row.focus({ preventScroll: true });
    else pendingFocus.current = index;
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTableSectionElement>) => {
    const target = event.target as HTMLElement;
    // Keys pressed on a button inside a row are the button's.
    if (target.tagName !== 'TR' || event.altKey || event.ctrlKey || event.metaKey) return;
    const index = Number(target.dataset.index);
    if (!(index >= 0 && index < count)) return;
    if (event.key === 'Enter') {
      const row = rowAt(index);
      // A row still loading has nothing to open yet.
      if (!onOpen || !row) return;
      event.preventDefault();
      onOpen(row);
      return;
    }
    const page = Math.max(1, Math.floor((scrollRef.current?.clientHeight || 800) / estimateRowHeight) - 1);
    const next = nextIndex(event.key, index, count, page);
    if (next === null) return;
    event.preventDefault();
    moveTo(next);
  };

  const onFocus = (event: FocusEvent<HTMLTableSectionElement>) => {
    const tr = (event.target as HTMLElement).closest<HTMLElement>('tr[data-index]');
    if (tr) setActiveIndex(Number(tr.dataset.index));
  };

  const spacer = (height: number) => (
    <tr className="row-spacer" aria-hidden="true">
      <td colSpan={columns.length} style={{ height }} />
    </tr>
  );
  const { rows: placed, gapAfter } = placeRows(virtualizer);
  const shownKey = placed.map((row) => row.index).join(',');
  useEffect(() => {
    onRowsShown?.(shownKey ? shownKey.split(',').map(Number) : []);
  }, [shownKey, onRowsShown]);
  return (
    <div className="table-wrap table-scroll" ref={scrollRef}>
      <table className={`${className} table-virtual`} aria-rowcount={count + 1}>
        <colgroup>
          {columns.map((width, i) => (
            <col key={i} style={{ width }} />
          ))}
        </colgroup>
        <thead ref={measureHeader}>
          <tr aria-rowindex={1}>{header}</tr>
        </thead>
        <tbody onKeyDown={onKeyDown} onFocus={onFocus}>
          {placed.map(({ index, key, gapBefore }) => (
            <Fragment key={key}>
              {gapBefore > 0 && spacer(gapBefore)}
              {renderRow(rowAt(index), { ref: virtualizer.measureElement, 'data-index': index, 'aria-rowindex': index + 2, tabIndex: index === tabbable ? 0 : -1 })}
            </Fragment>
          ))}
          {gapAfter > 0 && spacer(gapAfter)}
        </tbody>
      </table>
    </div>
  );
}
