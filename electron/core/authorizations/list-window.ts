import type { AccessKeyRecord } from '../../shared/access-keys/types';
import type { AuthorizationRecord } from '../../shared/authorizations/types';
import { createOrderedList } from '../lists/ordered-list';
import { byCreation, reverseOf } from '../lists/orders';

/** The access key of this app an authorization names, if any. */
export type LocalKeyOf = (authorization: AuthorizationRecord) => AccessKeyRecord | undefined;

/**
 * The Access Authorization list, newest first: searched by the Access Key it names (either identifier)
 * and, when that key lives in this app, its name and its other identifier. The search text reads
 * the access keys too, so their array is part of the cache key (see ListSource.alsoReads).
 */
export const createAuthorizationList = (localKeyOf: LocalKeyOf) =>
  createOrderedList<AuthorizationRecord, 'oldest' | 'newest'>({
    orders: { oldest: byCreation, newest: reverseOf('oldest') },
    searchFields: (authorization) => {
      const local = localKeyOf(authorization);
      return [authorization.callerKey, authorization.accessKeyId ?? '', local?.name ?? '', local?.id ?? '', local?.apiKey ?? ''];
    },
  });
