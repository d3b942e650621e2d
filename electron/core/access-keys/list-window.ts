import { accessKeySearchText } from '../../shared/access-keys/rules';
import type { AccessKeyRecord } from '../../shared/access-keys/types';
import type { AccessKeyOrder } from '../../shared/lists/window';
import { createOrderedList } from '../lists/ordered-list';
import { byCreation, byName, reverseOf } from '../lists/orders';

/** The Access Key list: by name, Access Key ID or APIKey; newest or oldest first, or by name (the Test Call picker). */
export const createAccessKeyList = () =>
  createOrderedList<AccessKeyRecord, AccessKeyOrder>({
    orders: { oldest: byCreation, newest: reverseOf('oldest'), name: byName },
    searchFields: accessKeySearchText,
  });
