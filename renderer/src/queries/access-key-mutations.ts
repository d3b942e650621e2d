import { useQueryClient } from '@tanstack/react-query';
import { client, type AccessKeyInput } from '../api';
import { useAppStore } from '../store';
import { accessKeyName, dropAccessKey, putAccessKey } from './access-keys';
import { queryKeys } from './keys';
import { useResultMutation } from './mutation';

/*
 * Main's `dataChanged` event, which arrives before each reply, has already
 * asked for the lists again; the patches here only show the answer at once.
 */

/** Creates the key (main puts its APISecret in the keychain), then shows its details page. */
export function useCreateAccessKey() {
  const queries = useQueryClient();
  return useResultMutation((fields: AccessKeyInput) => client.accessKeys.create(fields), {
    onOk(key) {
      putAccessKey(queries, key);
      const ui = useAppStore.getState();
      ui.closeCreateDialog();
      ui.openAccessKeyDetails(key.id);
      ui.showToast('Access key created');
    },
  });
}

export function useUpdateAccessKey() {
  const queries = useQueryClient();
  return useResultMutation(({ id, ...fields }: AccessKeyInput & { id: string }) => client.accessKeys.update({ id, ...fields }), {
    onOk(key) {
      putAccessKey(queries, key);
      useAppStore.getState().showToast('Access key saved');
    },
    onFailed(error, { id }) {
      if (error.code !== 'NOT_FOUND') return;
      // Deleted meanwhile: out of the list, and its details page asks main, which says so.
      dropAccessKey(queries, id);
      void queries.invalidateQueries({ queryKey: queryKeys.accessKeys.detail(id) });
    },
  });
}

/** Deletes the key and its APISecret, then goes back to the list. */
export function useDeleteAccessKey() {
  const queries = useQueryClient();
  return useResultMutation((id: string) => client.accessKeys.delete({ id }), {
    onOk(_, id) {
      const name = accessKeyName(queries, id);
      dropAccessKey(queries, id);
      const ui = useAppStore.getState();
      ui.openAccessKeyList();
      ui.showToast(name ? `Access key "${name}" deleted` : 'Access key deleted');
    },
  });
}
