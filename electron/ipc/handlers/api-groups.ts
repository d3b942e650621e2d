import type { ApiGroupService } from '../../core/api-groups/service';
import { MAX_LISTED_GROUPS } from '../../shared/lists/window';
import type { Handlers } from '../dispatch';

export function apiGroupHandlers(groups: ApiGroupService): Handlers['apiGroups'] {
  return {
    list: () => groups.list(MAX_LISTED_GROUPS),
    query: (request) => groups.query(request),
    create: (fields) => groups.create(fields),
    update: ({ id, ...fields }) => groups.update(id, fields),
    delete: ({ id }) => groups.delete(id),
  };
}
