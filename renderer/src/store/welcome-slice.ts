import type { StateCreator } from 'zustand';
import type { AppState } from './types';

/**
 * The welcome's and About's UI state. Whether this is a first run, and what
 * the keychain probe found, are server state (queries/app.ts, queries/welcome.ts).
 */
export interface WelcomeSlice {
  /** Hidden for this session; main remembers it too (useDismissWelcome), so it does not come back. */
  welcomeDismissed: boolean;
  aboutOpen: boolean;
  hideWelcome(): void;
  openAbout(): void;
  closeAbout(): void;
}

export const createWelcomeSlice: StateCreator<AppState, [], [], WelcomeSlice> = (set) => ({
  welcomeDismissed: false,
  aboutOpen: false,
  hideWelcome: () => set({ welcomeDismissed: true }),
  openAbout: () => set({ aboutOpen: true }),
  closeAbout: () => set({ aboutOpen: false }),
});
