import type { AccessKeyService } from '../../core/access-keys/service';
import type { Handlers } from '../dispatch';

type AccessKeyHandlers = Pick<
  Handlers,
  | 'listAccessKeys'
  | 'getAccessKey'
  | 'createAccessKey'
  | 'updateAccessKey'
  | 'deleteAccessKey'
  | 'revealAccessKeySecret'
  | 'copyAccessKeySecret'
  | 'copyAccessKeyApiKey'
  | 'copyAccessKeyId'
  | 'reconcileKeychain'
  | 'restoreAccessKeySecret'
  | 'deleteOrphanSecret'
  | 'adoptOrphanSecret'
>;

export function accessKeyHandlers(accessKeys: AccessKeyService): AccessKeyHandlers {
  return {
    listAccessKeys: () => accessKeys.list(),
    getAccessKey: ({ id }) => accessKeys.get(id),
    createAccessKey: (fields) => accessKeys.create(fields),
    updateAccessKey: ({ id, ...fields }) => accessKeys.update(id, fields),
    deleteAccessKey: async ({ id }) => {
      await accessKeys.delete(id);
      return { id };
    },
    revealAccessKeySecret: async ({ id }) => ({ secret: await accessKeys.revealSecret(id) }),
    copyAccessKeySecret: ({ id }) => accessKeys.copySecret(id),
    copyAccessKeyApiKey: async ({ id }) => {
      await accessKeys.copyApiKey(id);
      return { copied: true };
    },
    copyAccessKeyId: async ({ id }) => {
      await accessKeys.copyId(id);
      return { copied: true };
    },
    reconcileKeychain: ({ includeOrphans }) => accessKeys.reconcile(includeOrphans),
    restoreAccessKeySecret: ({ id, secret }) => accessKeys.restoreSecret(id, secret),
    deleteOrphanSecret: async ({ account }) => {
      await accessKeys.deleteOrphanSecret(account);
      return { account };
    },
    adoptOrphanSecret: ({ account, apiKey, ...fields }) => accessKeys.adoptOrphanSecret(account, apiKey, fields),
  };
}
