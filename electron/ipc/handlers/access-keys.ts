import type { AccessKeyService } from '../../core/access-keys/service';
import type { AuthorizationService } from '../../core/authorizations/service';
import type { Handlers } from '../dispatch';

export function accessKeyHandlers(accessKeys: AccessKeyService, authorizations: AuthorizationService): Handlers['accessKeys'] {
  return {
    query: (request) => accessKeys.query(request),
    names: ({ ids }) => accessKeys.names(ids),
    get: ({ id }) => accessKeys.get(id),
    create: (fields) => accessKeys.create(fields),
    update: ({ id, ...fields }) => accessKeys.update(id, fields),
    delete: async ({ id }) => {
      await accessKeys.delete(id);
      return { id };
    },
    revealSecret: async ({ id }) => ({ secret: await accessKeys.revealSecret(id) }),
    copySecret: ({ id }) => accessKeys.copySecret(id),
    copyApiKey: async ({ id }) => {
      await accessKeys.copyApiKey(id);
      return { copied: true };
    },
    copyId: async ({ id }) => {
      await accessKeys.copyId(id);
      return { copied: true };
    },
    listGrants: ({ id }) => authorizations.grantsOf(id),
  };
}
