import type { StateCreator } from 'zustand';
import type { AppState } from './types';

export type ToastTone = 'success' | 'info' | 'error';

export interface Toast {
  id: number;
  message: string;
  tone: ToastTone;
  /** One follow-up the user may take, e.g. "Bind API groups" after creating an authorization. */
  action?: ToastAction;
}

export interface ToastAction {
  label: string;
  run(): void;
}

export interface ToastsSlice {
  toasts: Toast[];
  showToast(message: string, tone?: ToastTone, action?: ToastAction): void;
  dismissToast(id: number): void;
}

const MAX_TOASTS = 3;

export const createToastsSlice: StateCreator<AppState, [], [], ToastsSlice> = (set, get) => {
  let nextId = 1;
  return {
    toasts: [],
    showToast(message, tone = 'success', action) {
      set({ toasts: [...get().toasts, { id: nextId++, message, tone, action }].slice(-MAX_TOASTS) });
    },
    dismissToast: (id) => set({ toasts: get().toasts.filter((toast) => toast.id !== id) }),
  };
};
