import type { ApiGroupService } from '../../core/api-groups/service';
import type { Handlers } from '../dispatch';

export function apiGroupHandlers(groups: ApiGroupService): Handlers['apiGroups'] {
  return {
    list: () => groups.list(),
    create: (fields) => groups.create(fields),
    update: ({ id, ...fields }) => groups.update(id, fields),
    delete: ({ id }) => groups.delete(id),
  };
}
