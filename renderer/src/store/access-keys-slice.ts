import type { StateCreator } from 'zustand';
import type { AccessKeySummary, SecretStatus } from '../../../electron/core/access-keys/types';
import { api, type AccessKeyInput, type IpcError, type Result } from '../api';
import type { AppState } from './types';

export type ListStatus = 'idle' | 'loading' | 'ready' | 'error';

export interface AccessKeysSlice {
  /** Metadata only: the store never holds an APISecret. */
  accessKeys: AccessKeySummary[];
  listStatus: ListStatus;
  listError: IpcError | null;
  /** `quiet` keeps the current rows on screen while refreshing in the background. */
  loadAccessKeys(options?: { quiet?: boolean }): Promise<void>;
  /** Fetches one key; a key that is gone is dropped from the list too. */
  fetchAccessKey(id: string): Promise<Result<AccessKeySummary>>;
  createAccessKey(fields: AccessKeyInput): Promise<Result<AccessKeySummary>>;
  updateAccessKey(id: string, fields: AccessKeyInput): Promise<Result<AccessKeySummary>>;
  deleteAccessKey(id: string): Promise<Result<{ id: string }>>;
  /** What a keychain call just learnt of one key's secret (missing, or the keychain unreadable), before the next reconcile. */
  setSecretStatus(id: string, status: SecretStatus): void;
}

const upsert = (keys: AccessKeySummary[], key: AccessKeySummary) =>
  keys.some((k) => k.id === key.id) ? keys.map((k) => (k.id === key.id ? key : k)) : [...keys, key];

const without = (keys: AccessKeySummary[], id: string) => keys.filter((k) => k.id !== id);

export const createAccessKeysSlice: StateCreator<AppState, [], [], AccessKeysSlice> = (set, get) => {
  // Only the newest list request may write: an older, slower answer must not overwrite it.
  let latestLoad = 0;

  return {
    accessKeys: [],
    listStatus: 'idle',
    listError: null,

    async loadAccessKeys({ quiet = false } = {}) {
      const request = ++latestLoad;
      if (!quiet) set({ listStatus: 'loading' });
      const result = await api.listAccessKeys();
      if (request !== latestLoad) return;
      if (result.ok) set({ accessKeys: result.data, listStatus: 'ready', listError: null });
      else set({ listStatus: 'error', listError: result.error });
    },

    async fetchAccessKey(id) {
      const result = await api.getAccessKey(id);
      if (result.ok) set({ accessKeys: upsert(get().accessKeys, result.data) });
      else if (result.error.code === 'NOT_FOUND') set({ accessKeys: without(get().accessKeys, id) });
      return result;
    },

    async createAccessKey(fields) {
      const result = await api.createAccessKey(fields);
      if (result.ok) {
        set({ accessKeys: upsert(get().accessKeys, result.data) });
        get().closeCreateDialog();
        get().openAccessKeyDetails(result.data.id);
        get().showToast('Access key created');
      }
      return result;
    },

    async updateAccessKey(id, fields) {
      const result = await api.updateAccessKey(id, fields);
      if (result.ok) {
        set({ accessKeys: upsert(get().accessKeys, result.data) });
        get().showToast('Access key saved');
      } else if (result.error.code === 'NOT_FOUND') {
        set({ accessKeys: without(get().accessKeys, id) });
      }
      return result;
    },

    async deleteAccessKey(id) {
      const name = get().accessKeys.find((k) => k.id === id)?.name;
      const result = await api.deleteAccessKey(id);
      if (result.ok) {
        set({ accessKeys: without(get().accessKeys, id) });
        get().openAccessKeyList();
        get().showToast(name ? `Access key "${name}" deleted` : 'Access key deleted');
      }
      return result;
    },

    setSecretStatus(id, status) {
      set({ accessKeys: get().accessKeys.map((k) => (k.id === id ? { ...k, secretStatus: status } : k)) });
    },
  };
};
