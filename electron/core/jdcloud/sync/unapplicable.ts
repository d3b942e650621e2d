import type { ApiGroupRecord } from '../../../shared/api-groups/types';
import type { AuthorizationRecord } from '../../../shared/authorizations/types';
import type { Unapplicable } from '../../../shared/jdcloud/types';

export type UnapplicableReason = Unapplicable['reason'];

function groupMessage(reason: Exclude<UnapplicableReason, 'apiKeyUnknown'>, group: ApiGroupRecord): string {
  const where = `API group "${group.name}" (${group.region}, ${group.environment})`;
  switch (reason) {
    case 'groupNotPulled':
      return `${where} is not linked to a group in JD Cloud: pull to link it (the names must match), or create the group in the gateway first.`;
    case 'groupNotPublished':
      return `${where} is not published to ${group.environment} in JD Cloud, so there is nothing to bind: publish it there, then pull.`;
    case 'groupNotInAccountRegions':
      return `${where} is in a region the JD Cloud account does not work in: add ${group.region} to the account's regions.`;
    case 'groupAuthorizationOff':
      return `${where} has access authorization turned off in JD Cloud (authentication "None"): turn it on in the console to bind authorizations.`;
  }
}

/**
 * Local items a plan cannot carry out, each named once with its reason: a
 * group by the reason it cannot be bound (with how many authorizations are
 * bound to it), an authorization whose APIKey is not known here.
 */
export function unapplicableList() {
  const entries = new Map<string, Unapplicable & { authorizations: Set<string> }>();
  return {
    group(group: ApiGroupRecord, reason: Exclude<UnapplicableReason, 'apiKeyUnknown'>, authorizationId: string): void {
      const key = `${reason}/${group.id}`;
      const entry = entries.get(key) ?? {
        region: group.region,
        kind: 'apiGroup' as const,
        localId: group.id,
        name: group.name,
        reason,
        params: { group: group.name, region: group.region, environment: group.environment, authorizations: 0 },
        message: groupMessage(reason, group),
        authorizations: new Set<string>(),
      };
      entry.authorizations.add(authorizationId);
      entries.set(key, entry);
    },
    authorization(authorization: AuthorizationRecord): void {
      entries.set(`apiKeyUnknown/${authorization.id}`, {
        kind: 'authorization',
        localId: authorization.id,
        name: authorization.callerKey,
        reason: 'apiKeyUnknown',
        params: { callerKey: authorization.callerKey },
        message: `The authorization of Access Key ID ${authorization.callerKey} cannot be applied: the gateway needs the key's APIKey, which is not known here. Import the key file, or authorize by APIKey.`,
        authorizations: new Set([authorization.id]),
      });
    },
    list(): Unapplicable[] {
      return [...entries.values()].map(({ authorizations, ...entry }) =>
        entry.kind === 'apiGroup' ? { ...entry, params: { ...entry.params, authorizations: authorizations.size } } : entry,
      );
    },
  };
}
