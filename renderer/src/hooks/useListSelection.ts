import { useState, type KeyboardEvent, type MouseEvent } from 'react';

/**
 * Multi-selection over a list of ids, as in a desktop list box: click or
 * Ctrl/Cmd-click toggles, Shift-click selects a range, arrows move, Shift+arrow
 * extends, Space/Enter toggles, Home/End jump, Ctrl/Cmd+A selects all.
 * Ids that leave the list (filtered out, moved away) drop out of the selection.
 */
export function useListSelection(ids: string[]) {
  const [picked, setPicked] = useState<ReadonlySet<string>>(new Set());
  const [anchor, setAnchor] = useState<string | null>(null);
  const [cursor, setCursor] = useState<string | null>(null);

  const selected = ids.filter((id) => picked.has(id));
  const active = cursor !== null && ids.includes(cursor) ? cursor : (ids[0] ?? null);

  const toggle = (id: string) => {
    const next = new Set(picked);
    if (!next.delete(id)) next.add(id);
    setPicked(next);
    setAnchor(id);
  };

  const addRange = (from: string | null, to: string) => {
    const a = from !== null && ids.includes(from) ? ids.indexOf(from) : ids.indexOf(to);
    const b = ids.indexOf(to);
    const next = new Set(picked);
    for (const id of ids.slice(Math.min(a, b), Math.max(a, b) + 1)) next.add(id);
    setPicked(next);
  };

  const onOptionClick = (id: string, event: MouseEvent) => {
    setCursor(id);
    if (event.shiftKey) addRange(anchor, id);
    else toggle(id);
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (ids.length === 0 || active === null) return;
    const index = ids.indexOf(active);
    const moveTo = (target: number, extend: boolean) => {
      const id = ids[Math.max(0, Math.min(ids.length - 1, target))]!;
      setCursor(id);
      if (!extend) return;
      const from = anchor ?? active;
      setAnchor(from);
      addRange(from, id);
    };
    const mod = event.ctrlKey || event.metaKey;
    if (event.key === 'ArrowDown') moveTo(index + 1, event.shiftKey);
    else if (event.key === 'ArrowUp') moveTo(index - 1, event.shiftKey);
    else if (event.key === 'Home') moveTo(0, event.shiftKey);
    else if (event.key === 'End') moveTo(ids.length - 1, event.shiftKey);
    else if (event.key === ' ' || event.key === 'Enter') toggle(active);
    else if (mod && event.key.toLowerCase() === 'a') setPicked(new Set(selected.length === ids.length ? [] : ids));
    else return;
    event.preventDefault();
    if (!event.shiftKey && event.key !== ' ' && event.key !== 'Enter' && !mod) setAnchor(null);
  };

  const clear = () => {
    setPicked(new Set());
    setAnchor(null);
  };

  return { selected, active, isSelected: (id: string) => picked.has(id), onOptionClick, onKeyDown, clear };
}

export type ListSelection = ReturnType<typeof useListSelection>;
