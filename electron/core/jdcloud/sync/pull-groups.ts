import type { ApiGroupRecord } from '../../../shared/api-groups/types';
import { GROUP_DESCRIPTION_MAX, GROUP_NAME_MAX } from '../../../shared/api-groups/rules';
import type { RemoteApiGroup, RemoteRegionState } from '../../../shared/jdcloud/types';
import type { StoreData } from '../../../shared/store/schema';
import { truncateText, unsafeCharacters } from '../../../shared/text-rules';
import { unusedId } from '../../ids';

const HOST_SUFFIX = { online: '', preview: '-preview', test: '-test' } as const;
const unsafeGlobal = new RegExp(unsafeCharacters.source, 'gu');
const dnsLabel = /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/;

/** Gateway text as a local field allows it: no control or direction characters, bounded. */
export const cleanText = (value: string, max: number): string => truncateText(value.replace(unsafeGlobal, '').trim(), max);

/** The data-plane host of one environment: online has no suffix, the others `-test` / `-preview` on the first label. */
export function hostOf(group: Pick<RemoteApiGroup, 'apiGroupId' | 'domain' | 'regionId'>, environment: keyof typeof HOST_SUFFIX, region: string): string {
  const labels = group.domain.trim().toLowerCase().split('.');
  const host = [`${labels[0]}${HOST_SUFFIX[environment]}`, ...labels.slice(1)].join('.');
  if (labels.length >= 2 && host.length <= 253 && host.split('.').every((label) => dnsLabel.test(label))) return host;
  const id = group.apiGroupId.toLowerCase().replace(/[^a-z0-9-]/g, '').slice(0, 40) || 'group';
  return `${id}${HOST_SUFFIX[environment]}.${region}.jdcloud-api.net`;
}

export interface GroupCounts {
  linked: number;
  created: number;
  unpublished: number;
}

/**
 * Links the local catalogue to the gateway's groups, in the store draft: one
 * local record per (group, environment) published there; a published one
 * missing here is added. Groups whose environment has no deployment keep only
 * the group's ID; links to groups gone from the gateway are dropped.
 */
export function pullGroups(draft: StoreData, remote: readonly RemoteRegionState[], now: Date): GroupCounts {
  const counts: GroupCounts = { linked: 0, created: 0, unpublished: 0 };
  const timestamp = now.toISOString();
  // The draft shares its records with the data it came from: edit copies, never the originals.
  draft.apiGroups = draft.apiGroups.map((group) => ({ ...group }));
  const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();
  for (const { region, groups } of remote) {
    const remoteIds = new Set(groups.map((g) => g.apiGroupId));
    const local = () => draft.apiGroups.filter((g) => g.region === region);
    // Links to groups the gateway no longer has in this region go first: their records are free to match again.
    for (const group of local()) if (group.remote && !remoteIds.has(group.remote.apiGroupId)) delete group.remote;
    const link = (group: ApiGroupRecord, remoteLink: NonNullable<ApiGroupRecord['remote']>) => {
      group.remote = remoteLink;
      group.updatedAt = timestamp;
    };
    for (const g of groups) {
      const free = (group: ApiGroupRecord) => !group.remote || group.remote.apiGroupId === g.apiGroupId;
      for (const deployment of g.deployments) {
        const match =
          local().find((group) => group.remote?.apiGroupId === g.apiGroupId && group.environment === deployment.environment) ??
          local().find((group) => free(group) && same(group.name, g.groupName) && group.environment === deployment.environment);
        if (match) {
          if (match.remote?.apiGroupId !== g.apiGroupId || match.remote.deploymentId !== deployment.deploymentId) link(match, { apiGroupId: g.apiGroupId, deploymentId: deployment.deploymentId });
          counts.linked += 1;
          continue;
        }
        const base = cleanText(g.groupName, GROUP_NAME_MAX) || g.apiGroupId.slice(0, GROUP_NAME_MAX);
        // Two remote groups of one name: the second is told apart by its ID.
        const taken = (name: string) => local().some((group) => same(group.name, name) && group.environment === deployment.environment);
        const name = taken(base) ? truncateText(`${base} (${g.apiGroupId})`, GROUP_NAME_MAX) : base;
        draft.apiGroups.push({
          id: unusedId((id) => draft.apiGroups.some((group) => group.id === id)),
          name,
          description: cleanText(g.description, GROUP_DESCRIPTION_MAX),
          region,
          environment: deployment.environment,
          host: hostOf(g, deployment.environment, region),
          createdAt: timestamp,
          updatedAt: timestamp,
          remote: { apiGroupId: g.apiGroupId, deploymentId: deployment.deploymentId },
        });
        counts.created += 1;
      }
      // Records of this group (linked, or named alike) in an environment it is not published to.
      const published = new Set(g.deployments.map((d) => d.environment));
      for (const group of local()) {
        if (published.has(group.environment)) continue;
        const ours = group.remote?.apiGroupId === g.apiGroupId || (!group.remote && same(group.name, g.groupName));
        if (!ours) continue;
        if (group.remote?.apiGroupId !== g.apiGroupId || group.remote.deploymentId !== undefined) link(group, { apiGroupId: g.apiGroupId });
        counts.unpublished += 1;
      }
    }
  }
  return counts;
}
