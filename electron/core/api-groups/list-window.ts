import type { ApiGroupRecord } from '../../shared/api-groups/types';
import { createOrderedList } from '../lists/ordered-list';
import { byCreation, reverseOf } from '../lists/orders';

/** The API Groups list, newest first, searched by name, ID or host. */
export const createApiGroupList = () =>
  createOrderedList<ApiGroupRecord, 'oldest' | 'newest'>({
    orders: { oldest: byCreation, newest: reverseOf('oldest') },
    searchFields: (group) => [group.name, group.id, group.host],
  });
