import { describe, expect, it } from 'vitest';
import { hostOf, pullGroups } from '../../../../electron/core/jdcloud/sync/pull-groups';
import { emptyStore } from '../../../../electron/shared/store/schema';
import type { RemoteApiGroup } from '../../../../electron/shared/jdcloud/types';

const now = new Date('2026-11-29T10:00:00.000Z');
const remote = (over: Partial<RemoteApiGroup> = {}): RemoteApiGroup => ({
  apiGroupId: 'g1',
  groupName: 'Orders',
  description: '',
  regionId: 'cn-north-1',
  domain: 'xv3xbwah945y.cn-north-1.jdcloud-api.net',
  authType: 'jd_cloud',
  deployments: [],
  ...over,
});

describe('pulled groups', () => {
  it('get a host per environment from the online domain, or from the group ID when the domain is unusable', () => {
    expect(hostOf(remote(), 'online', 'cn-north-1')).toBe('xv3xbwah945y.cn-north-1.jdcloud-api.net');
    expect(hostOf(remote(), 'test', 'cn-north-1')).toBe('xv3xbwah945y-test.cn-north-1.jdcloud-api.net');
    expect(hostOf(remote(), 'preview', 'cn-north-1')).toBe('xv3xbwah945y-preview.cn-north-1.jdcloud-api.net');
    expect(hostOf(remote({ domain: '', apiGroupId: 'G_42' }), 'test', 'cn-east-2')).toBe('g42-test.cn-east-2.jdcloud-api.net');
  });

  it('names that break local rules are cleaned, and two remote groups of one name stay apart', () => {
    const draft = emptyStore();
    const deployments = [{ deploymentId: 'd1', environment: 'online' as const, revision: '1' }];
    pullGroups(
      draft,
      [{ region: 'cn-north-1', groups: [remote({ groupName: 'Ord\u202Eers', description: 'x\u0000y', deployments }), remote({ apiGroupId: 'g2', groupName: 'Orders', deployments: [{ ...deployments[0]!, deploymentId: 'd2' }] })], authorizations: [] }],
      now,
    );
    expect(draft.apiGroups.map((g) => [g.name, g.description, g.remote])).toEqual([
      ['Orders', 'xy', { apiGroupId: 'g1', deploymentId: 'd1' }],
      ['Orders (g2)', '', { apiGroupId: 'g2', deploymentId: 'd2' }],
    ]);
  });

  it('a link to a group gone from the gateway is dropped', () => {
    const draft = emptyStore();
    draft.apiGroups.push({ id: 'aaaaaaaaaaaa', name: 'x', description: '', region: 'cn-north-1', environment: 'online', host: 'x.y', createdAt: now.toISOString(), updatedAt: now.toISOString(), remote: { apiGroupId: 'gone', deploymentId: 'd' } });
    pullGroups(draft, [{ region: 'cn-north-1', groups: [], authorizations: [] }], now);
    expect(draft.apiGroups[0]!.remote).toBeUndefined();
  });
});
