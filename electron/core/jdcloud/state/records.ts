import type { ApiGroupRecord } from '../../../shared/api-groups/types';
import type { AuthorizationRecord } from '../../../shared/authorizations/types';
import type { StateApiGroup, StateAuthorization } from '../../../shared/jdcloud/state-file';

/** A state file's API group as a store record (import keeps it; a plan from the file reads it). */
export const apiGroupRecordOf = (group: StateApiGroup, id: string, at: string): ApiGroupRecord => ({
  id,
  name: group.name,
  description: group.description,
  region: group.region,
  environment: group.environment,
  host: group.host,
  createdAt: at,
  updatedAt: at,
  ...(group.remote ? { remote: group.remote } : {}),
});

/** A state file's authorization as a store record; its bindings are the caller's to make (they need group IDs). */
export const authorizationRecordOf = (authorization: StateAuthorization, id: string, at: string): AuthorizationRecord => ({
  id,
  callerKey: authorization.callerKey,
  callerKeyKind: authorization.callerKeyKind,
  ...(authorization.accessKeyId ? { accessKeyId: authorization.accessKeyId } : {}),
  callerType: 'apiCaller',
  description: authorization.description,
  createdAt: at,
  updatedAt: at,
  ...(authorization.remote.length > 0 ? { remote: authorization.remote } : {}),
});
