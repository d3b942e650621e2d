import type { StateCreator } from 'zustand';
import type { KeyCandidate, KeyImportSummary } from '../../../electron/shared/key-files/types';
import type { Refusal } from '../key-files';
import { storeReadOnly } from '../queries/app';
import type { AppState } from './types';

/** One set of dropped, pasted or chosen key files: the user's draft, until confirmed or closed. */
export interface KeyImportDraft {
  /** New for every set, so an answer about an older set never shows for this one. */
  draft: number;
  candidates: KeyCandidate[];
  /** Refused here, never sent to main (too big, too many). */
  refused: Refusal[];
}

/**
 * The Import Key Files dialog: a draft being previewed (what main would do is
 * server state, in queries/key-import.ts), then the summary of what it did.
 */
export type KeyImport = ({ stage: 'preview' } & KeyImportDraft) | { stage: 'summary'; summary: KeyImportSummary };

export interface KeyImportSlice {
  keyImport: KeyImport | null;
  /** Opens the dialog on a new draft, in place of any Create Authorization; not over a read-only store. */
  openKeyImport(candidates: KeyCandidate[], refused: Refusal[]): void;
  /** The import of `draft` is done; ignored once that draft was closed or replaced. */
  showKeyImportSummary(draft: number, summary: KeyImportSummary): void;
  closeKeyImport(): void;
  /** Closes the import and shows an authorization in the list (an existing one, or one just created). */
  revealImportedAuthorization(id: string): void;
  bindImportedAuthorization(id: string): void;
}

export const createKeyImportSlice: StateCreator<AppState, [], [], KeyImportSlice> = (set, get) => {
  let drafts = 0;

  return {
    keyImport: null,

    openKeyImport(candidates, refused) {
      if (storeReadOnly()) return;
      set({ keyImport: { stage: 'preview', draft: ++drafts, candidates, refused }, authorizationDialog: null });
    },

    showKeyImportSummary(draft, summary) {
      const current = get().keyImport;
      if (current?.stage === 'preview' && current.draft === draft) set({ keyImport: { stage: 'summary', summary } });
    },

    closeKeyImport: () => set({ keyImport: null }),

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
