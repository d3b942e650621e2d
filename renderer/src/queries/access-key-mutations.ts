import { useQueryClient } from '@tanstack/react-query';
import { client, type AccessKeyInput } from '../api';
import { useAppStore } from '../store';
import { accessKeyName, accessKeysQuery, dropAccessKey, putAccessKey } from './access-keys';
import { queryKeys } from './keys';
import { useResultMutation } from './mutation';

/** Creates the key (main puts its APISecret in the keychain), then shows its details page. */
export function useCreateAccessKey() {
  const queries = useQueryClient();
  return useResultMutation((fields: AccessKeyInput) => client.accessKeys.create(fields), {
    onOk(key) {
      putAccessKey(queries, key);
      void queries.invalidateQueries({ queryKey: accessKeysQuery.queryKey });
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
      void queries.invalidateQueries({ queryKey: accessKeysQuery.queryKey });
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
      void queries.invalidateQueries({ queryKey: accessKeysQuery.queryKey });
      const ui = useAppStore.getState();
      ui.openAccessKeyList();
      ui.showToast(name ? `Access key "${name}" deleted` : 'Access key deleted');
    },
  });
}
