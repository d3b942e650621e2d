import { Fragment, useCallback, useEffect, useId, useRef, useState } from 'react';
import type { Environment } from '../../../electron/shared/api-groups/rules';
import { formatDateTime } from '../format';
import type { ListSelection } from '../hooks/useListSelection';
import { placeRows, useVirtualRows } from '../hooks/useVirtualRows';
import { SearchBox } from './SearchBox';

export interface PaneGroup {
  id: string;
  name: string;
  region: string;
  environment: Environment;
  /** Set for a binding already saved; absent for one moved here and not saved yet. */
  boundAt?: string;
}

export interface GroupPaneProps {
  title: 'Available' | 'Bound';
  /** The groups matching the search. */
  groups: PaneGroup[];
  /** How many this side holds in all. */
  total: number;
  selection: ListSelection;
  query: string;
  onQueryChange(query: string): void;
  /** Double-click moves one group to the other pane. */
  onMove(id: string): void;
  emptyText: string;
}

/** One side of the Bind dialog: its own search and a multi-select list box, virtualised like the tables. */
export function GroupPane({ title, groups, total, selection, query, onQueryChange, onMove, emptyText }: GroupPaneProps) {
  const base = useId();
  const optionId = (id: string) => `${base}-${id}`;
  const [focused, setFocused] = useState(false);
  const listRef = useRef<HTMLUListElement>(null);
  const keyAt = useCallback((index: number) => groups[index]!.id, [groups]);
  const activeIndex = selection.active === null ? -1 : groups.findIndex((g) => g.id === selection.active);
  // The active option stays rendered: aria-activedescendant must point at an element.
  const virtualizer = useVirtualRows({ count: groups.length, scrollRef: listRef, keyAt, estimate: 46, fallbackHeight: 280, pinned: [activeIndex], offset: 2 });
  useEffect(() => {
    if (activeIndex >= 0) virtualizer.scrollToIndex(activeIndex, { align: 'auto' });
  }, [activeIndex, virtualizer]);
  const { rows: placed, gapAfter } = placeRows(virtualizer);
  const spacer = (height: number) => <li className="pane-spacer" role="presentation" aria-hidden="true" style={{ height }} />;
  const label = `${title} groups`;
  const empty = total === 0 ? emptyText : `No group name or ID contains “${query.trim()}”.`;
  const count = groups.length === total ? `${total}` : `${groups.length} of ${total}`;

  return (
    <section className="pane" aria-labelledby={`${base}-title`}>
      <header className="pane-header">
        <h3 id={`${base}-title`} className="pane-title">
          {title}
        </h3>
        <span className="pane-count">{selection.selected.length > 0 ? `${selection.selected.length} selected · ${count}` : count}</span>
      </header>
      <div className="pane-search">
        <SearchBox value={query} onChange={onQueryChange} label={`Search ${title.toLowerCase()} groups`} placeholder="Group name or ID" shortcuts={false} />
      </div>
      <ul
        ref={listRef}
        className="pane-list"
        role="listbox"
        aria-label={label}
        aria-multiselectable="true"
        tabIndex={0}
        aria-activedescendant={focused && selection.active ? optionId(selection.active) : undefined}
        onKeyDown={selection.onKeyDown}
        onFocus={() => setFocused(true)}
        onBlur={() => setFocused(false)}
      >
        {groups.length === 0 && <li className="pane-empty" role="presentation">{empty}</li>}
        {placed.map(({ index, key, gapBefore }) => {
          const group = groups[index]!;
          return (
            <Fragment key={key}>
              {gapBefore > 0 && spacer(gapBefore)}
              <li
                ref={virtualizer.measureElement}
                data-index={index}
                id={optionId(group.id)}
                role="option"
                aria-setsize={groups.length}
                aria-posinset={index + 1}
                aria-selected={selection.isSelected(group.id)}
                aria-labelledby={`${optionId(group.id)}-name`}
                aria-describedby={`${optionId(group.id)}-meta`}
                className={focused && selection.active === group.id ? 'pane-option pane-option-active' : 'pane-option'}
                // Shift-click selects a range, not the text in between.
                onMouseDown={(event) => event.shiftKey && event.preventDefault()}
                onClick={(event) => selection.onOptionClick(group.id, event)}
                onDoubleClick={() => onMove(group.id)}
              >
                <span className="pane-check" aria-hidden="true" />
                <span className="pane-option-text">
                  <span id={`${optionId(group.id)}-name`} className="pane-option-name" dir="auto">
                    {group.name}
                  </span>
                  <span id={`${optionId(group.id)}-meta`} className="pane-option-meta">
                    <code>{group.id}</code> · {group.region} · {group.environment}
                    {title === 'Bound' && (group.boundAt ? ` · bound ${formatDateTime(group.boundAt)}` : ' · not saved yet')}
                  </span>
                </span>
              </li>
            </Fragment>
          );
        })}
        {gapAfter > 0 && spacer(gapAfter)}
      </ul>
    </section>
  );
}
