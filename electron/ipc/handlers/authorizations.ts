import type { AuthorizationService } from '../../core/authorizations/service';
import type { Handlers } from '../dispatch';

type AuthorizationHandlers = Pick<
  Handlers,
  'listAuthorizations' | 'createAuthorization' | 'updateAuthorization' | 'deleteAuthorization' | 'setAuthorizationBindings' | 'listAccessKeyGrants'
>;

export function authorizationHandlers(authorizations: AuthorizationService): AuthorizationHandlers {
  return {
    listAuthorizations: () => authorizations.list(),
    createAuthorization: (fields) => authorizations.create(fields),
    updateAuthorization: ({ id, description }) => authorizations.update(id, description),
    deleteAuthorization: async ({ id }) => {
      await authorizations.delete(id);
      return { id };
    },
    setAuthorizationBindings: ({ id, groupIds }) => authorizations.setBindings(id, groupIds),
    listAccessKeyGrants: ({ id }) => authorizations.grantsOf(id),
  };
}
