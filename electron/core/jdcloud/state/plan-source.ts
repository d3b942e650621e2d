import { createHash } from 'node:crypto';
import type { AuthorizationRecord, BindingRecord } from '../../../shared/authorizations/types';
import { groupKeyOf, type GatekeyState } from '../../../shared/jdcloud/state-file';
import type { StoreData } from '../../../shared/store/schema';
import type { PlanInput } from '../sync/plan-input';
import { apiGroupRecordOf, authorizationRecordOf } from './records';

/** A state file holds no times: records made from it carry this one (sync never reads them). */
const NO_TIME = new Date(0).toISOString();

/** A stable 12-character ID from what names a record in the file, so a plan's item IDs repeat from run to run. */
const idOf = (kind: string, name: string): string => createHash('sha256').update(`${kind}\0${name}`).digest('hex').slice(0, 12);
const groupIdOf = (group: { region: string; name: string; environment: string }) => idOf('apiGroup', groupKeyOf(group));

/**
 * What sync plans from when the source is a state file rather than the data
 * folder: the file's groups, authorizations and bindings as records, and the
 * folder's own access keys (their APIKeys name the callers authorized by
 * Access Key ID; the file cannot, it holds no access keys).
 */
export function planInputOfState(state: GatekeyState, accessKeys: StoreData['accessKeys']): PlanInput {
  const apiGroups = state.apiGroups.map((group) => apiGroupRecordOf(group, groupIdOf(group), NO_TIME));
  const authorizations: AuthorizationRecord[] = [];
  const bindings: BindingRecord[] = [];
  for (const authorization of state.authorizations) {
    const id = idOf('authorization', authorization.callerKey);
    authorizations.push(authorizationRecordOf(authorization, id, NO_TIME));
    for (const group of authorization.bindings) bindings.push({ authorizationId: id, groupId: groupIdOf(group), boundAt: NO_TIME });
  }
  return {
    accessKeys: accessKeys.map(({ id, apiKey }) => ({ id, apiKey })),
    apiGroups,
    authorizations,
    bindings,
    deletedAuthorizations: state.deletedAuthorizations,
  };
}
