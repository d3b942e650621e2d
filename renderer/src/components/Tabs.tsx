import { useId, useRef, type KeyboardEvent, type ReactNode } from 'react';

export interface Tab<T extends string> {
  id: T;
  label: string;
  /** Shown beside the label, outside its accessible name (the panel says it too). */
  badge?: ReactNode;
}

/** WAI-ARIA tabs: arrow keys, Home and End move between tabs; only the selected panel is rendered. */
export function Tabs<T extends string>({ label, tabs, selected, onSelect, children }: { label: string; tabs: ReadonlyArray<Tab<T>>; selected: T; onSelect(id: T): void; children: ReactNode }) {
  const id = useId();
  const list = useRef<HTMLDivElement>(null);

  const onKeyDown = (event: KeyboardEvent) => {
    const index = tabs.findIndex((tab) => tab.id === selected);
    const next = { ArrowRight: index + 1, ArrowLeft: index - 1, Home: 0, End: tabs.length - 1 }[event.key];
    if (next === undefined) return;
    event.preventDefault();
    const at = (next + tabs.length) % tabs.length;
    onSelect(tabs[at]!.id);
    list.current?.querySelectorAll<HTMLButtonElement>('[role="tab"]')[at]?.focus();
  };

  return (
    <div className="tabs">
      <div className="tab-list" role="tablist" aria-label={label} ref={list} onKeyDown={onKeyDown}>
        {tabs.map((tab) => (
          <button key={tab.id} id={`${id}-${tab.id}`} type="button" role="tab" className="tab" aria-selected={tab.id === selected}
            aria-controls={`${id}-panel`} tabIndex={tab.id === selected ? 0 : -1} onClick={() => onSelect(tab.id)}>
            <span>{tab.label}</span>
            {tab.badge && <span aria-hidden="true">{tab.badge}</span>}
          </button>
        ))}
      </div>
      <div id={`${id}-panel`} role="tabpanel" className="tab-panel" aria-labelledby={`${id}-${selected}`} tabIndex={0}>
        {children}
      </div>
    </div>
  );
}
