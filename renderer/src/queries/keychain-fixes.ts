import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import type { AccessKeySummary } from '../../../electron/shared/access-keys/types';
import type { Input } from '../../../electron/ipc/contract';
import { client, type Result } from '../api';
import { useAppStore } from '../store';
import { accessKeyName, dropAccessKey } from './access-keys';
import { reconcileKeychain } from './keychain';
import { useResultMutation, type ResultMutation } from './mutation';

/*
 * Health's fixes for what a reconcile found. Each checks the keychain again
 * (with the orphan scan) before it says it is done, so message and findings agree.
 */

function useKeychainFix<I, O>(call: (input: I) => Promise<Result<O>>, done: (data: O, input: I) => string) {
  return useResultMutation(call, {
    async onOk(data, input) {
      await reconcileKeychain({ includeOrphans: true });
      useAppStore.getState().showToast(done(data, input));
    },
  });
}

/**
 * Puts a typed APISecret back. Not a TanStack mutation: the mutation cache keeps
 * each call's input for minutes, and this input is key material. The secret goes
 * straight to main and is held nowhere here.
 */
export function useRestoreSecret(): ResultMutation<{ id: string; secret: string }, AccessKeySummary> {
  const [pending, setPending] = useState(false);
  const run = useCallback(async ({ id, secret }: { id: string; secret: string }): Promise<Result<AccessKeySummary>> => {
    setPending(true);
    try {
      const result = await client.keychain.restoreSecret({ id, secret });
      if (result.ok) {
        await reconcileKeychain({ includeOrphans: true });
        useAppStore.getState().showToast(`APISecret of "${result.data.name}" is back in the OS keychain`);
      }
      return result;
    } finally {
      setPending(false);
    }
  }, []);
  return { run, pending };
}

export const useDeleteOrphanSecret = () =>
  useKeychainFix(
    (account: string) => client.keychain.deleteOrphan({ account }),
    (_, account) => `Keychain entry ${account} deleted`,
  );

export const useAdoptOrphanSecret = () =>
  useKeychainFix(
    (input: Input<'keychain.adoptOrphan'>) => client.keychain.adoptOrphan(input),
    (key, input) => `Access key "${key.name}" now uses keychain entry ${input.account}`,
  );

/** Deletes a record whose secret is missing, staying on Health. */
export function useDeleteAccessKeyRecord() {
  const queries = useQueryClient();
  return useKeychainFix(
    async (id: string): Promise<Result<{ name: string | undefined }>> => {
      // Named before the reconcile refreshes the list without it.
      const name = accessKeyName(queries, id);
      const result = await client.accessKeys.delete({ id });
      if (!result.ok) return result;
      dropAccessKey(queries, id);
      return { ok: true, data: { name } };
    },
    ({ name }) => (name ? `Access key "${name}" deleted` : 'Access key deleted'),
  );
}
