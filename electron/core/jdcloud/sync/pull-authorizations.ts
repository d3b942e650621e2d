import { API_KEY_PATTERN } from '../../../shared/access-keys/rules';
import { AUTHORIZATION_DESCRIPTION_MAX } from '../../../shared/authorizations/rules';
import { AUTH_USER_TYPE } from '../../../shared/jdcloud/account';
import type { RemoteRegionState } from '../../../shared/jdcloud/types';
import type { StoreData } from '../../../shared/store/schema';
import { unusedId } from '../../ids';
import { apiKeyOf } from './plan-input';
import { cleanText } from './pull-groups';

export interface AuthorizationCounts {
  linked: number;
  adopted: number;
  remoteOnly: number;
  localOnly: number;
}

type LocalAuthorization = StoreData['authorizations'][number];

function setLink(authorization: LocalAuthorization, region: string, accessAuthId: string): void {
  authorization.remote = [...(authorization.remote ?? []).filter((link) => link.region !== region), { region, accessAuthId }];
}

/**
 * Links local authorizations to the gateway's (by link, else by APIKey), in
 * the store draft; with `adoptRemote`, adds the remote-only ones with their
 * bindings to the local groups of their bound deployments. Run after the
 * groups are linked, so bound deployments find their local groups.
 */
export function pullAuthorizations(draft: StoreData, remote: readonly RemoteRegionState[], now: Date, adoptRemote: boolean): AuthorizationCounts {
  const counts: AuthorizationCounts = { linked: 0, adopted: 0, remoteOnly: 0, localOnly: 0 };
  const timestamp = now.toISOString();
  // The draft shares its records with the data it came from: edit copies, never the originals.
  draft.authorizations = draft.authorizations.map((authorization) => ({ ...authorization }));
  const apiKeys = new Map(draft.accessKeys.map((key) => [key.id, key.apiKey]));
  const keyOf = (authorization: LocalAuthorization) => apiKeyOf(authorization, apiKeys)?.toUpperCase();

  for (const { region, authorizations } of remote) {
    const present = new Set(authorizations.map((a) => a.accessAuthId));
    // Links to authorizations deleted in the gateway (the console) are dropped.
    for (const authorization of draft.authorizations) {
      if (authorization.remote?.some((link) => link.region === region && !present.has(link.accessAuthId))) {
        authorization.remote = authorization.remote.filter((link) => link.region !== region);
        if (authorization.remote.length === 0) delete authorization.remote;
      }
    }
    draft.jdcloud.deletedAuthorizations = draft.jdcloud.deletedAuthorizations.filter((t) => t.region !== region || present.has(t.accessAuthId));
    const tombstoned = new Set(draft.jdcloud.deletedAuthorizations.filter((t) => t.region === region).map((t) => t.accessAuthId));

    for (const found of authorizations.filter((a) => a.authUserType === AUTH_USER_TYPE)) {
      const apiKey = found.accessKey.toUpperCase();
      const local =
        // A link holds while the remote one is still this caller's (a key this side cannot resolve is taken on trust).
        draft.authorizations.find((a) => a.remote?.some((link) => link.region === region && link.accessAuthId === found.accessAuthId) && (keyOf(a) ?? apiKey) === apiKey) ??
        draft.authorizations.find((a) => keyOf(a) === apiKey);
      if (local) {
        setLink(local, region, found.accessAuthId);
        counts.linked += 1;
        continue;
      }
      // Deleted here on purpose: the next plan deletes it there; adopting it would undo the delete.
      if (tombstoned.has(found.accessAuthId)) continue;
      if (!adoptRemote || !API_KEY_PATTERN.test(apiKey)) {
        counts.remoteOnly += 1;
        continue;
      }
      const id = unusedId((candidate) => draft.authorizations.some((a) => a.id === candidate));
      draft.authorizations.push({
        id,
        callerKey: apiKey,
        callerKeyKind: 'apiKey',
        callerType: 'apiCaller',
        description: cleanText(found.description, AUTHORIZATION_DESCRIPTION_MAX),
        createdAt: timestamp,
        updatedAt: timestamp,
        remote: [{ region, accessAuthId: found.accessAuthId }],
      });
      const bound = new Set(found.deploymentIds);
      for (const group of draft.apiGroups) {
        if (group.region === region && group.remote?.deploymentId && bound.has(group.remote.deploymentId)) draft.bindings.push({ authorizationId: id, groupId: group.id, boundAt: timestamp });
      }
      counts.adopted += 1;
    }
  }
  const regions = new Set(remote.map((state) => state.region));
  counts.localOnly = draft.authorizations.filter((a) => !a.remote?.some((link) => regions.has(link.region))).length;
  return counts;
}
