import { useId, useState } from 'react';
import type { Environment } from '../../../electron/core/api-groups/rules';
import { formatDateTime } from '../format';
import type { ListSelection } from '../hooks/useListSelection';
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

/** One side of the Bind dialog: its own search and a multi-select list box. */
export function GroupPane({ title, groups, total, selection, query, onQueryChange, onMove, emptyText }: GroupPaneProps) {
  const base = useId();
  const optionId = (id: string) => `${base}-${id}`;
  const [focused, setFocused] = useState(false);
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
        {groups.map((group) => (
          <li
            key={group.id}
            id={optionId(group.id)}
            role="option"
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
        ))}
      </ul>
    </section>
  );
}
