import type { StateCreator } from 'zustand';
import type { AppState } from './types';

export type ToastTone = 'success' | 'info' | 'error';

export interface Toast {
  id: number;
  message: string;
  tone: ToastTone;
}

export interface ToastsSlice {
  toasts: Toast[];
  showToast(message: string, tone?: ToastTone): void;
  dismissToast(id: number): void;
}

const MAX_TOASTS = 3;

export const createToastsSlice: StateCreator<AppState, [], [], ToastsSlice> = (set, get) => {
  let nextId = 1;
  return {
    toasts: [],
    showToast(message, tone = 'success') {
      set({ toasts: [...get().toasts, { id: nextId++, message, tone }].slice(-MAX_TOASTS) });
    },
    dismissToast: (id) => set({ toasts: get().toasts.filter((toast) => toast.id !== id) }),
  };
};
