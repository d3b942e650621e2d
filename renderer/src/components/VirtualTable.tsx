import { Fragment, useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type FocusEvent, type KeyboardEvent, type ReactNode, type Ref } from 'react';
import { nextIndex, placeRows, useVirtualRows } from '../hooks/useVirtualRows';

/** What a row spreads onto its <tr>: its place for assistive technology, measurement and roving focus. */
export interface VirtualRowProps {
  ref: Ref<HTMLTableRowElement>;
  'data-index': number;
  'aria-rowindex': number;
  tabIndex: 0 | -1;
}

export interface VirtualTableProps<T extends { id: string }> {
  rows: T[];
  className: string;
  /** Column widths: fixed, so columns keep their place as rows scroll in and out. */
  columns: string[];
  /** The header row's cells. */
  header: ReactNode;
  estimateRowHeight: number;
  renderRow(row: T, props: VirtualRowProps): ReactNode;
  /** Enter on a focused row. */
  onOpen?(row: T): void;
  /** A row to scroll to and focus, once per id (just created, or pointed to). */
  reveal?: string | null;
}

const HEADER_ESTIMATE = 40;
const rowSelector = (index: number) => `tr[data-index="${index}"]`;

/**
 * A <table> that renders only the rows in view: the rows above and below are
 * empty spacer rows hidden from assistive technology, and aria-rowcount /
 * aria-rowindex tell where the rendered rows sit. Arrow keys, Page Up/Down,
 * Home and End move the focused row; Enter opens it.
 */
export function VirtualTable<T extends { id: string }>({ rows, className, columns, header, estimateRowHeight, renderRow, onOpen, reveal = null }: VirtualTableProps<T>) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const [headerHeight, setHeaderHeight] = useState(HEADER_ESTIMATE);
  const measureHeader = useCallback((el: HTMLTableSectionElement | null) => {
    if (el && el.offsetHeight > 0) setHeaderHeight(el.offsetHeight);
  }, []);
  const [activeId, setActiveId] = useState<string | null>(null);
  const activeIndex = useMemo(() => (activeId === null ? -1 : rows.findIndex((r) => r.id === activeId)), [rows, activeId]);
  const revealIndex = useMemo(() => (reveal === null ? -1 : rows.findIndex((r) => r.id === reveal)), [rows, reveal]);
  // Roving focus: one row is in the Tab order, the last one focused (or the first).
  const tabbable = activeIndex >= 0 ? activeIndex : 0;
  const keyAt = useCallback((index: number) => rows[index]!.id, [rows]);
  const virtualizer = useVirtualRows({ count: rows.length, scrollRef, keyAt, estimate: estimateRowHeight, fallbackHeight: 800, pinned: [tabbable, revealIndex], offset: headerHeight });

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
  useEffect(() => {
    if (reveal === null) revealed.current = null;
    if (reveal === null || revealIndex < 0 || revealed.current === reveal) return;
    revealed.current = reveal;
    virtualizer.scrollToIndex(revealIndex, { align: 'center' });
    // Pinned, so it is in the DOM wherever it is.
    rowElement(revealIndex)?.focus({ preventScroll: true });
  }, [reveal, revealIndex, virtualizer]);

  const moveTo = (index: number) => {
    setActiveId(rows[index]!.id);
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
    const row = rows[index];
    if (!row) return;
    if (event.key === 'Enter') {
      if (!onOpen) return;
      event.preventDefault();
      onOpen(row);
      return;
    }
    const page = Math.max(1, Math.floor((scrollRef.current?.clientHeight || 800) / estimateRowHeight) - 1);
    const next = nextIndex(event.key, index, rows.length, page);
    if (next === null) return;
    event.preventDefault();
    moveTo(next);
  };

  const onFocus = (event: FocusEvent<HTMLTableSectionElement>) => {
    const tr = (event.target as HTMLElement).closest<HTMLElement>('tr[data-index]');
    const row = tr ? rows[Number(tr.dataset.index)] : undefined;
    if (row) setActiveId(row.id);
  };

  const spacer = (height: number) => (
    <tr className="row-spacer" aria-hidden="true">
      <td colSpan={columns.length} style={{ height }} />
    </tr>
  );
  const { rows: placed, gapAfter } = placeRows(virtualizer);
  return (
    <div className="table-wrap table-scroll" ref={scrollRef}>
      <table className={`${className} table-virtual`} aria-rowcount={rows.length + 1}>
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
              {renderRow(rows[index]!, { ref: virtualizer.measureElement, 'data-index': index, 'aria-rowindex': index + 2, tabIndex: index === tabbable ? 0 : -1 })}
            </Fragment>
          ))}
          {gapAfter > 0 && spacer(gapAfter)}
        </tbody>
      </table>
    </div>
  );
}
