import type { AuthorizationService } from '../../core/authorizations/service';
import type { Handlers } from '../dispatch';

export function authorizationHandlers(authorizations: AuthorizationService): Handlers['authorizations'] {
  return {
    query: (request) => authorizations.query(request),
    get: ({ id }) => authorizations.get(id),
    locate: ({ id, search }) => authorizations.position(id, search),
    create: (fields) => authorizations.create(fields),
    update: ({ id, description }) => authorizations.update(id, description),
    delete: async ({ id }) => {
      await authorizations.delete(id);
      return { id };
    },
    setBindings: ({ id, groupIds }) => authorizations.setBindings(id, groupIds),
  };
}
