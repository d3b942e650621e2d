import type { ApiGroupService } from '../../core/api-groups/service';
import type { Handlers } from '../dispatch';

export function apiGroupHandlers(groups: ApiGroupService): Pick<Handlers, 'listApiGroups' | 'createApiGroup' | 'updateApiGroup' | 'deleteApiGroup'> {
  return {
    listApiGroups: () => groups.list(),
    createApiGroup: (fields) => groups.create(fields),
    updateApiGroup: ({ id, ...fields }) => groups.update(id, fields),
    deleteApiGroup: ({ id }) => groups.delete(id),
  };
}
