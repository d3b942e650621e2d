import { Fragment, useCallback, useLayoutEffect, useRef, useState, type FocusEvent, type KeyboardEvent } from 'react';
import type { PlanAction, PlanItem } from '../../../../electron/shared/jdcloud/types';
import { nextIndex, placeRows, useVirtualRows } from '../../hooks/useVirtualRows';
import { PlanItemRow } from './PlanItemRow';
import { actionWords } from './plan-words';

/** A row's height before it is measured: the APIKey line and one bind line. */
const ROW_ESTIMATE = 64;
/** jsdom has no layout: the list then assumes this much room (the CSS caps the real list about there). */
const FALLBACK_HEIGHT = 420;

export interface PlanItemListProps {
  action: PlanAction;
  items: PlanItem[];
  excludedIds: ReadonlySet<string>;
  disabled: boolean;
  onToggle(id: string, include: boolean): void;
  onToggleAll(ids: string[], include: boolean): void;
}

/**
 * One action's items, with a count and Include all / Exclude all. A plan may hold
 * thousands of items: only the rows in view are rendered, and one checkbox at a time
 * is in the Tab order (arrows, Page Up/Down, Home and End move between them; Space toggles).
 */
export function PlanItemList({ action, items, excludedIds, disabled, onToggle, onToggleAll }: PlanItemListProps) {
  const heading = actionWords[action].heading;
  const scrollRef = useRef<HTMLUListElement>(null);
  const [activeId, setActiveId] = useState<string | null>(null);
  const found = activeId === null ? -1 : items.findIndex((item) => item.id === activeId);
  const tabbable = found >= 0 ? found : 0;
  const keyAt = useCallback((index: number) => items[index]!.id, [items]);
  // The tabbable row stays rendered wherever the list is scrolled: Tab always finds it.
  const virtualizer = useVirtualRows({ count: items.length, scrollRef, keyAt, estimate: ROW_ESTIMATE, fallbackHeight: FALLBACK_HEIGHT, pinned: [tabbable] });
  const includedCount = items.filter((item) => !excludedIds.has(item.id)).length;
  const allIncluded = includedCount === items.length;

  const checkbox = (index: number) => scrollRef.current?.querySelector<HTMLInputElement>(`li[data-index="${index}"] input[type="checkbox"]`) ?? null;
  // A row moved to by the keyboard may mount only in the render the move causes.
  const pendingFocus = useRef<number | null>(null);
  useLayoutEffect(() => {
    if (pendingFocus.current === null) return;
    const target = checkbox(pendingFocus.current);
    pendingFocus.current = null;
    target?.focus({ preventScroll: true });
  });

  const onKeyDown = (event: KeyboardEvent<HTMLUListElement>) => {
    const target = event.target as HTMLElement;
    if (target.tagName !== 'INPUT' || event.altKey || event.ctrlKey || event.metaKey) return;
    const index = Number(target.closest<HTMLElement>('li[data-index]')?.dataset.index);
    if (!Number.isInteger(index)) return;
    const page = Math.max(1, Math.floor((scrollRef.current?.clientHeight || FALLBACK_HEIGHT) / ROW_ESTIMATE) - 1);
    const next = nextIndex(event.key, index, items.length, page);
    if (next === null) return;
    event.preventDefault();
    setActiveId(items[next]!.id);
    virtualizer.scrollToIndex(next, { align: 'auto' });
    const element = checkbox(next);
    if (element) element.focus({ preventScroll: true });
    else pendingFocus.current = next;
  };

  const onFocus = (event: FocusEvent<HTMLUListElement>) => {
    const row = (event.target as HTMLElement).closest<HTMLElement>('li[data-index]');
    const item = row ? items[Number(row.dataset.index)] : undefined;
    if (item) setActiveId(item.id);
  };

  const spacer = (height: number) => <li className="jd-plan-spacer" aria-hidden="true" style={{ height }} />;
  const { rows, gapAfter } = placeRows(virtualizer);
  return (
    <section className="jd-plan-group" aria-label={`${heading} (${items.length})`}>
      <div className="jd-plan-group-head">
        <h3 className="jd-plan-group-title">
          {heading} <span className="badge badge-neutral">{items.length}</span>
          {!allIncluded && <span className="muted jd-plan-group-count">{includedCount} included</span>}
        </h3>
        {items.length > 1 && (
          <button
            type="button"
            className="button button-small"
            disabled={disabled}
            onClick={() => onToggleAll(items.map((item) => item.id), !allIncluded)}
            aria-label={`${allIncluded ? 'Exclude' : 'Include'} all ${items.length}: ${heading}`}
          >
            {allIncluded ? 'Exclude all' : 'Include all'}
          </button>
        )}
      </div>
      <ul ref={scrollRef} className="jd-plan-list jd-plan-scroll" aria-label={heading} onKeyDown={onKeyDown} onFocus={onFocus}>
        {rows.map(({ index, key, gapBefore }) => {
          const item = items[index]!;
          return (
            <Fragment key={key}>
              {gapBefore > 0 && spacer(gapBefore)}
              <PlanItemRow
                rowRef={virtualizer.measureElement}
                index={index}
                setSize={items.length}
                tabbable={index === tabbable}
                item={item}
                included={!excludedIds.has(item.id)}
                disabled={disabled}
                onToggle={(include) => onToggle(item.id, include)}
              />
            </Fragment>
          );
        })}
        {gapAfter > 0 && spacer(gapAfter)}
      </ul>
    </section>
  );
}
