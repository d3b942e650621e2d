import { useSyncExternalStore } from 'react';

/*
 * Where toasts show. A modal dialog makes everything outside it inert: unclickable
 * and hidden from screen readers. A popover shown above it in the top layer is no
 * exception (HTML's "blocked by a modal dialog" spares only the dialog's own
 * subtree; whatwg/html#9936, #10811), so each open dialog carries a live region
 * of its own and toasts render into the topmost one.
 */

const hosts: HTMLElement[] = [];
const listeners = new Set<() => void>();
const changed = () => listeners.forEach((listener) => listener());

/** Called right after showModal(), so the order here is the top layer's; returns the removal. */
export function addToastHost(region: HTMLElement): () => void {
  hosts.push(region);
  changed();
  return () => {
    hosts.splice(hosts.indexOf(region), 1);
    changed();
  };
}

const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
};

/** The topmost open dialog's live region; null while no dialog is open. */
export const useToastHost = (): HTMLElement | null => useSyncExternalStore(subscribe, () => hosts.at(-1) ?? null);
