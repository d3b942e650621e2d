import { useIsFetching, useIsMutating, useQuery, useQueryClient } from '@tanstack/react-query';
import type { KeyImportPreviewEntry } from '../../../electron/shared/key-files/types';
import { client, type Result } from '../api';
import { useAppStore } from '../store';
import type { KeyImportDraft } from '../store/key-import-slice';
import { queryKeys } from './keys';
import { useResultMutation } from './mutation';
import { topicsSettled } from './settled';
import { unwrap } from './unwrap';

const IMPORT_KEYS = ['importKeys'] as const;

/** What main would do with each candidate of this draft; an empty draft (all refused here) asks nothing. */
export const useKeyImportPreview = ({ draft, candidates }: KeyImportDraft) =>
  useQuery({
    queryKey: queryKeys.keyImport.preview(draft),
    queryFn: async (): Promise<KeyImportPreviewEntry[]> => (candidates.length > 0 ? unwrap(await client.keyFiles.previewImport({ candidates })) : []),
    // One draft's answer is of no use once its dialog has gone.
    gcTime: 0,
  });

/**
 * The open dialog's preview is being worked out, or an import is running: no
 * second one starts over it. A preview whose dialog was cancelled does not count
 * while main still answers it: it is forgotten, and the next drop starts afresh.
 */
export function useKeyImportBusy(): boolean {
  const draft = useAppStore((state) => (state.keyImport?.stage === 'preview' ? state.keyImport.draft : null));
  const previewing = useIsFetching({ queryKey: queryKeys.keyImport.preview(draft ?? -1) });
  const importing = useIsMutating({ mutationKey: IMPORT_KEYS });
  return (draft !== null && previewing > 0) || importing > 0;
}

/** Creates the draft's new authorizations; its summary replaces the preview (unless the dialog was closed meanwhile). */
export function useImportKeys() {
  const queries = useQueryClient();
  return useResultMutation(({ candidates }: KeyImportDraft) => client.keyFiles.import({ candidates }), {
    key: IMPORT_KEYS,
    async onOk(summary, { draft, refused }) {
      // Main's event asked for the list again: its answer first, so the summary's Open and Bind find the new rows.
      await topicsSettled(queries, ['authorizations']);
      useAppStore.getState().showKeyImportSummary(draft, { ...summary, rejected: [...summary.rejected, ...refused] });
    },
  });
}

/** Main's open dialog; resolves whether anything was chosen (Cancel leaves everything as it was). */
export async function chooseKeyFilesToImport(): Promise<Result<{ chosen: boolean }>> {
  const result = await client.keyFiles.choose({});
  if (!result.ok) return result;
  const { candidates, refused } = result.data;
  const chosen = candidates.length + refused.length > 0;
  if (chosen) useAppStore.getState().openKeyImport(candidates, refused);
  return { ok: true, data: { chosen } };
}

