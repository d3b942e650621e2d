import type { StateCreator } from 'zustand';
import { api, type IpcError } from '../api';
import type { AppState } from './types';

export type KeychainCheck = { status: 'idle' | 'checking' | 'available' } | { status: 'failed'; error: IpcError };

export interface WelcomeSlice {
  /** Hidden for this session; main remembers it too (dismissWelcome), so it does not come back. */
  welcomeDismissed: boolean;
  keychainCheck: KeychainCheck;
  aboutOpen: boolean;
  /** Tries the keychain with a throwaway entry; a failure says what to install or unlock. */
  checkKeychain(): Promise<void>;
  dismissWelcome(): Promise<void>;
  /** The caller's first step: the Access Key list with its Create dialog open. */
  startAsCaller(): Promise<void>;
  /** The provider's first step: the Access Authorization list with its Create dialog open. */
  startAsProvider(): Promise<void>;
  openAbout(): void;
  closeAbout(): void;
}

/** The first-run welcome shows until dismissed, and never over a data file Gatekey cannot read. */
export const welcomeVisible = (s: AppState): boolean => s.appStatus?.firstRun === true && !s.welcomeDismissed;

export const createWelcomeSlice: StateCreator<AppState, [], [], WelcomeSlice> = (set, get) => ({
  welcomeDismissed: false,
  keychainCheck: { status: 'idle' },
  aboutOpen: false,

  async checkKeychain() {
    set({ keychainCheck: { status: 'checking' } });
    const result = await api.checkKeychain();
    set({ keychainCheck: result.ok ? { status: 'available' } : { status: 'failed', error: result.error } });
  },

  async dismissWelcome() {
    set({ welcomeDismissed: true });
    const result = await api.dismissWelcome();
    // Not saved (e.g. a read-only data folder): it shows again next start, which is all that is lost.
    if (!result.ok) get().showToast(`The welcome will show again next time: ${result.error.message}`, 'error');
  },

  async startAsCaller() {
    get().openAccessKeyList();
    get().openCreateDialog();
    await get().dismissWelcome();
  },

  async startAsProvider() {
    get().navigate({ name: 'authorizationList' });
    get().openAuthorizationDialog({ kind: 'create' });
    await get().dismissWelcome();
  },

  openAbout: () => set({ aboutOpen: true }),
  closeAbout: () => set({ aboutOpen: false }),
});
