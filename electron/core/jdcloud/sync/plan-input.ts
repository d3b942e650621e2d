import type { ApiGroupRecord } from '../../../shared/api-groups/types';
import type { AuthorizationRecord, BindingRecord } from '../../../shared/authorizations/types';
import type { StoreData } from '../../../shared/store/schema';

/**
 * What a plan is made from: the provider's local state, from the store or from
 * a state file. Access keys appear only as ID and APIKey: an authorization that
 * names a key by its ID needs the APIKey, which is what the gateway stores.
 */
export interface PlanInput {
  accessKeys: Array<{ id: string; apiKey: string }>;
  apiGroups: ApiGroupRecord[];
  authorizations: AuthorizationRecord[];
  bindings: BindingRecord[];
  deletedAuthorizations: StoreData['jdcloud']['deletedAuthorizations'];
}

export function planInputOf(data: Readonly<StoreData>): PlanInput {
  return {
    accessKeys: data.accessKeys.map(({ id, apiKey }) => ({ id, apiKey })),
    apiGroups: [...data.apiGroups],
    authorizations: [...data.authorizations],
    bindings: [...data.bindings],
    deletedAuthorizations: [...data.jdcloud.deletedAuthorizations],
  };
}

/** The APIKey the gateway knows this authorization by, or undefined when it names a key ID this side does not know. */
export function apiKeyOf(authorization: Pick<AuthorizationRecord, 'callerKey' | 'callerKeyKind'>, accessKeys: ReadonlyMap<string, string>): string | undefined {
  return authorization.callerKeyKind === 'apiKey' ? authorization.callerKey : accessKeys.get(authorization.callerKey);
}
