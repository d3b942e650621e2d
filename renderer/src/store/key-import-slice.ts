import type { StateCreator } from 'zustand';
import type { KeyCandidate, KeyImportPreviewEntry, KeyImportSummary } from '../../../electron/core/key-files/types';
import { api, type IpcError, type Result } from '../api';
import type { Refusal } from '../key-files';
import type { AppState } from './types';

/** The Import Key Files dialog, stage by stage. Main re-checks everything on confirm. */
export type KeyImport =
  | { stage: 'checking' }
  | { stage: 'failed'; error: IpcError }
  | { stage: 'preview'; candidates: KeyCandidate[]; refused: Refusal[]; entries: KeyImportPreviewEntry[]; importing: boolean; error: IpcError | null }
  | { stage: 'summary'; summary: KeyImportSummary };

export interface KeyImportSlice {
  keyImport: KeyImport | null;
  /** Opens the dialog and previews what the candidates would create; `refused` never reached main. */
  previewKeyImport(candidates: KeyCandidate[], refused: Refusal[]): Promise<void>;
  /** Main's open dialog; resolves whether anything was chosen (Cancel leaves everything as it was). */
  chooseKeyFilesToImport(): Promise<Result<{ chosen: boolean }>>;
  /** Creates the new ones; the summary replaces the preview and the list refreshes. */
  confirmKeyImport(): Promise<void>;
  closeKeyImport(): void;
  /** Closes the import and shows an authorization in the list (an existing one, or one just created). */
  revealImportedAuthorization(id: string): void;
  bindImportedAuthorization(id: string): void;
}

export const createKeyImportSlice: StateCreator<AppState, [], [], KeyImportSlice> = (set, get) => {
  // A newer import (or closing) makes an older answer stale: it must not reopen the dialog.
  let latest = 0;

  return {
    keyImport: null,

    async previewKeyImport(candidates, refused) {
      if (get().storeReadOnly()) return;
      const request = ++latest;
      set({ keyImport: { stage: 'checking' }, authorizationDialog: null });
      const result: Result<KeyImportPreviewEntry[]> = candidates.length > 0 ? await api.previewKeyImport(candidates) : { ok: true, data: [] };
      if (request !== latest) return;
      set({
        keyImport: result.ok
          ? { stage: 'preview', candidates, refused, entries: result.data, importing: false, error: null }
          : { stage: 'failed', error: result.error },
      });
    },

    async chooseKeyFilesToImport() {
      const result = await api.chooseKeyFiles();
      if (!result.ok) return result;
      const { candidates, refused } = result.data;
      const chosen = candidates.length + refused.length > 0;
      if (chosen) await get().previewKeyImport(candidates, refused);
      return { ok: true, data: { chosen } };
    },

    async confirmKeyImport() {
      const current = get().keyImport;
      if (current?.stage !== 'preview' || current.importing) return;
      const request = ++latest;
      set({ keyImport: { ...current, importing: true, error: null } });
      const result = await api.importKeys(current.candidates);
      if (request !== latest) return;
      if (!result.ok) {
        set({ keyImport: { ...current, importing: false, error: result.error } });
        return;
      }
      // Refreshed first, so the summary's Open and Bind find the new rows.
      await get().loadAuthorizations({ quiet: true });
      if (request !== latest) return;
      set({ keyImport: { stage: 'summary', summary: { ...result.data, rejected: [...result.data.rejected, ...current.refused] } } });
    },

    closeKeyImport() {
      latest++;
      set({ keyImport: null });
    },

    revealImportedAuthorization(id) {
      get().closeKeyImport();
      get().revealAuthorization(id);
    },

    bindImportedAuthorization(id) {
      get().closeKeyImport();
      get().openAuthorizationDialog({ kind: 'bind', id });
    },
  };
};
