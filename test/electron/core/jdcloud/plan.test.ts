import { describe, expect, it } from 'vitest';
import { makePlan, planItemId } from '../../../../electron/core/jdcloud/sync/plan';
import type { PlanInput } from '../../../../electron/core/jdcloud/sync/plan-input';
import { planInputOf } from '../../../../electron/core/jdcloud/sync/plan-input';
import type { ApiGroupRecord } from '../../../../electron/shared/api-groups/types';
import type { AuthorizationRecord } from '../../../../electron/shared/authorizations/types';
import type { RemoteApiGroup, RemoteAuthorization, RemoteRegionState } from '../../../../electron/shared/jdcloud/types';
import { emptyStore } from '../../../../electron/shared/store/schema';

// The plan is pure: local records and a read of the gateway in, operations out.
const at = '2026-11-29T10:00:00.000Z';
const N1 = 'cn-north-1';
const E2 = 'cn-east-2';
const context = { regions: [N1], endpoint: 'https://apigateway.jdcloud-api.com', now: new Date(at) };
const K = (n: number) => n.toString(16).toUpperCase().padStart(32, '0');

const group = (id: string, over: Partial<ApiGroupRecord> = {}): ApiGroupRecord => ({
  id: id.padEnd(12, '0'),
  name: id,
  description: '',
  region: N1,
  environment: 'online',
  host: `${id}.cn-north-1.jdcloud-api.net`,
  createdAt: at,
  updatedAt: at,
  ...over,
});
const linked = (id: string, apiGroupId: string, deploymentId?: string, over: Partial<ApiGroupRecord> = {}) =>
  group(id, { remote: { apiGroupId, ...(deploymentId ? { deploymentId } : {}) }, ...over });

const auth = (id: string, apiKey: string, over: Partial<AuthorizationRecord> = {}): AuthorizationRecord => ({
  id: id.padEnd(12, '0'),
  callerKey: apiKey,
  callerKeyKind: 'apiKey',
  callerType: 'apiCaller',
  description: '',
  createdAt: at,
  updatedAt: at,
  ...over,
});

function input(over: Partial<PlanInput> & { bind?: Array<[AuthorizationRecord, ApiGroupRecord]> } = {}): PlanInput {
  const { bind = [], ...rest } = over;
  return {
    accessKeys: [],
    apiGroups: [],
    authorizations: [],
    bindings: bind.map(([a, g]) => ({ authorizationId: a.id, groupId: g.id, boundAt: at })),
    deletedAuthorizations: [],
    ...rest,
  };
}

const remoteGroup = (apiGroupId: string, deployments: Array<[string, 'test' | 'preview' | 'online']>, authType = 'jd_cloud'): RemoteApiGroup => ({
  apiGroupId,
  groupName: apiGroupId,
  description: '',
  regionId: N1,
  domain: `${apiGroupId}.cn-north-1.jdcloud-api.net`,
  authType,
  deployments: deployments.map(([deploymentId, environment]) => ({ deploymentId, environment, revision: '1' })),
});
const remoteAuth = (accessAuthId: string, accessKey: string, deploymentIds: string[] = [], description = ''): RemoteAuthorization => ({
  accessAuthId,
  authUserType: 'jd_apikms',
  accessKey,
  description,
  deploymentIds,
});
const state = (groups: RemoteApiGroup[] = [], authorizations: RemoteAuthorization[] = [], region = N1): RemoteRegionState => ({ region, groups, authorizations });

// One remote group "g1" published to online (d1) and test (d1t); a local record for online.
const g1 = linked('orders', 'g1', 'd1');
const world = (authorizations: RemoteAuthorization[] = []) => [state([remoteGroup('g1', [['d1', 'online'], ['d1t', 'test']])], authorizations)];

describe('plan', () => {
  it('is empty for empty local and remote states', () => {
    const { plan, links, staleTombstones } = makePlan(input(), [state()], context);
    expect(plan).toEqual({
      createdAt: at,
      endpoint: context.endpoint,
      regions: [N1],
      items: [],
      counts: { createAuthorization: 0, updateDescription: 0, setBindings: 0, deleteAuthorization: 0 },
      unapplicable: [],
      remoteOnly: [],
      localOnly: [],
    });
    expect(links).toEqual([]);
    expect(staleTombstones).toEqual([]);
  });

  it('creates a bound authorization on an empty remote, with its full deployment set in one item', () => {
    const a = auth('a1', K(1), { description: 'mobile' });
    const g1t = linked('orderst', 'g1', 'd1t', { environment: 'test' });
    const { plan } = makePlan(input({ apiGroups: [g1, g1t], authorizations: [a], bind: [[a, g1], [a, g1t]] }), world(), context);
    expect(plan.items).toEqual([
      {
        id: `${N1}/createAuthorization/${K(1)}`,
        region: N1,
        action: 'createAuthorization',
        authorizationId: a.id,
        apiKey: K(1),
        description: { to: 'mobile' },
        bind: [
          { deploymentId: 'd1', groupName: 'g1', environment: 'online' },
          { deploymentId: 'd1t', groupName: 'g1', environment: 'test' },
        ],
        unbind: [],
        deploymentIds: ['d1', 'd1t'],
      },
    ]);
    expect(plan.counts.createAuthorization).toBe(1);
    expect(plan.items[0]!.id).toBe(planItemId(N1, 'createAuthorization', K(1)));
  });

  it('plans nothing when the remote already matches, and links the match', () => {
    const a = auth('a1', K(1), { description: 'd' });
    const { plan, links } = makePlan(input({ apiGroups: [g1], authorizations: [a], bind: [[a, g1]] }), world([remoteAuth('r1', K(1), ['d1'], 'd')]), context);
    expect(plan.items).toEqual([]);
    expect(plan.remoteOnly).toEqual([]);
    expect(links).toEqual([{ authorizationId: a.id, region: N1, accessAuthId: 'r1', apiKey: K(1) }]);
  });

  it('matches the remote APIKey ignoring case', () => {
    const a = auth('a1', K(0xabc));
    const { plan } = makePlan(input({ apiGroups: [g1], authorizations: [a], bind: [[a, g1]] }), world([remoteAuth('r1', K(0xabc).toLowerCase(), ['d1'])]), context);
    expect(plan.items).toEqual([]);
  });

  it('updates a changed description and rebinds with bind and unbind lists and the full set', () => {
    const a = auth('a1', K(1), { description: 'new' });
    const g1t = linked('orderst', 'g1', 'd1t', { environment: 'test' });
    const { plan } = makePlan(input({ apiGroups: [g1, g1t], authorizations: [a], bind: [[a, g1t]] }), world([remoteAuth('r1', K(1), ['d1'], 'old')]), context);
    expect(plan.items.map((i) => [i.id, i.accessAuthId, i.description, i.bind.map((d) => d.deploymentId), i.unbind.map((d) => d.deploymentId), i.deploymentIds])).toEqual([
      [`${N1}/updateDescription/${K(1)}`, 'r1', { from: 'old', to: 'new' }, [], [], ['d1']],
      [`${N1}/setBindings/${K(1)}`, 'r1', undefined, ['d1t'], ['d1'], ['d1t']],
    ]);
    expect(plan.counts).toEqual({ createAuthorization: 0, updateDescription: 1, setBindings: 1, deleteAuthorization: 0 });
  });

  it('a linked authorization with no bindings left in the region unbinds everything there', () => {
    const a = auth('a1', K(1), { remote: [{ region: N1, accessAuthId: 'r1' }] });
    const { plan } = makePlan(input({ apiGroups: [g1], authorizations: [a] }), world([remoteAuth('r1', K(1), ['d1'])]), context);
    expect(plan.items).toMatchObject([{ action: 'setBindings', unbind: [{ deploymentId: 'd1' }], deploymentIds: [] }]);
    expect(plan.localOnly).toEqual([]);
  });

  it('follows a stored link before the APIKey, and falls back to the APIKey when the linked one is gone', () => {
    const a = auth('a1', K(1), { remote: [{ region: N1, accessAuthId: 'gone' }] });
    const { plan, links } = makePlan(input({ apiGroups: [g1], authorizations: [a], bind: [[a, g1]] }), world([remoteAuth('r9', K(1), ['d1'])]), context);
    expect(plan.items).toEqual([]);
    expect(links).toEqual([{ authorizationId: a.id, region: N1, accessAuthId: 'r9', apiKey: K(1) }]);
  });

  it('ignores a link to a remote authorization of another APIKey: it never rewrites another caller\'s bindings', () => {
    const a = auth('a1', K(1), { remote: [{ region: N1, accessAuthId: 'r2' }] });
    const { plan, links } = makePlan(input({ apiGroups: [g1], authorizations: [a], bind: [[a, g1]] }), world([remoteAuth('r2', K(2))]), context);
    expect(plan.items.map((item) => item.id)).toEqual([planItemId(N1, 'createAuthorization', K(1))]);
    expect(links).toEqual([]);
    expect(plan.remoteOnly.map((r) => r.accessAuthId)).toEqual(['r2']);
  });

  it('resolves an authorization by Access Key ID through the local key, and names one it cannot resolve', () => {
    const byId = auth('a1', 'a280dc988b22', { callerKeyKind: 'accessKeyId' });
    const unknown = auth('a2', '0000000000ff', { callerKeyKind: 'accessKeyId' });
    const { plan } = makePlan(
      input({ accessKeys: [{ id: 'a280dc988b22', apiKey: K(7) }], apiGroups: [g1], authorizations: [byId, unknown], bind: [[byId, g1], [unknown, g1]] }),
      world(),
      context,
    );
    expect(plan.items.map((i) => i.id)).toEqual([`${N1}/createAuthorization/${K(7)}`]);
    expect(plan.unapplicable).toEqual([
      expect.objectContaining({ kind: 'authorization', localId: unknown.id, name: '0000000000ff', reason: 'apiKeyUnknown', params: { callerKey: '0000000000ff' }, message: expect.stringContaining('APIKey') }),
    ]);
  });

  it('names groups it cannot bind, once each, with the reason and how many authorizations are bound', () => {
    const notPulled = group('local');
    const notPublished = linked('prev', 'g1', undefined, { environment: 'preview' });
    const elsewhere = group('far', { region: E2 });
    const off = linked('open', 'g2', 'd2');
    const a = auth('a1', K(1));
    const b = auth('a2', K(2));
    const remote = [state([remoteGroup('g1', [['d1', 'online']]), remoteGroup('g2', [['d2', 'online']], 'None')])];
    const { plan } = makePlan(
      input({ apiGroups: [g1, notPulled, notPublished, elsewhere, off], authorizations: [a, b], bind: [[a, g1], [a, notPulled], [b, notPulled], [a, notPublished], [a, elsewhere], [a, off]] }),
      remote,
      context,
    );
    expect(plan.unapplicable.map((u) => [u.kind, u.name, u.reason, u.params.authorizations])).toEqual(
      expect.arrayContaining([
        ['apiGroup', 'local', 'groupNotPulled', 2],
        ['apiGroup', 'prev', 'groupNotPublished', 1],
        ['apiGroup', 'far', 'groupNotInAccountRegions', 1],
        ['apiGroup', 'open', 'groupAuthorizationOff', 1],
      ]),
    );
    expect(plan.unapplicable).toHaveLength(4);
    for (const u of plan.unapplicable) expect(u.message).toMatch(/API group "/);
    // What can be applied still is: a's create binds only g1's deployment; b is created with nothing bound.
    expect(plan.items.map((i) => [i.apiKey, i.deploymentIds])).toEqual([
      [K(1), ['d1']],
      [K(2), []],
    ]);
  });

  it('a group linked to a deployment replaced by a redeploy binds the environment\'s current deployment', () => {
    const stale = linked('orders', 'g1', 'old-d1');
    const a = auth('a1', K(1));
    const { plan } = makePlan(input({ apiGroups: [stale], authorizations: [a], bind: [[a, stale]] }), world(), context);
    expect(plan.items[0]!.deploymentIds).toEqual(['d1']);
  });

  it('lists local authorizations with nothing to send, and remote ones no local one accounts for (never deleting them)', () => {
    const idle = auth('a1', K(1));
    const onlyElsewhere = auth('a2', K(2));
    const far = group('far', { region: E2 });
    const { plan } = makePlan(
      input({ apiGroups: [far], authorizations: [idle, onlyElsewhere], bind: [[onlyElsewhere, far]] }),
      world([remoteAuth('r1', K(1), ['d1'], 'console'), remoteAuth('r3', K(3)), { ...remoteAuth('r4', 'AKJDCLOUD'), authUserType: 'jd_cloud' }]),
      context,
    );
    expect(plan.localOnly).toEqual([
      { authorizationId: idle.id, callerKey: K(1) },
      { authorizationId: onlyElsewhere.id, callerKey: K(2) },
    ]);
    // Only the signature-key type is Gatekey's to compare; other types are left out of the list.
    expect(plan.remoteOnly).toEqual([
      { region: N1, accessAuthId: 'r1', accessKey: K(1), description: 'console' },
      { region: N1, accessAuthId: 'r3', accessKey: K(3), description: '' },
    ]);
    expect(plan.items).toEqual([]);
  });

  it('deletes only tombstoned authorizations that still exist; the others are stale', () => {
    const tombstones = [
      { region: N1, accessAuthId: 'r1', apiKey: K(1), deletedAt: at },
      { region: N1, accessAuthId: 'gone', apiKey: K(2), deletedAt: at },
      { region: E2, accessAuthId: 'r5', apiKey: K(5), deletedAt: at },
    ];
    const { plan, staleTombstones } = makePlan(input({ deletedAuthorizations: tombstones }), world([remoteAuth('r1', K(1), ['d1']), remoteAuth('r3', K(3))]), context);
    expect(plan.items).toEqual([
      {
        id: `${N1}/deleteAuthorization/${K(1)}`,
        region: N1,
        action: 'deleteAuthorization',
        accessAuthId: 'r1',
        apiKey: K(1),
        description: undefined,
        bind: [],
        unbind: [{ deploymentId: 'd1', groupName: 'g1', environment: 'online' }],
        deploymentIds: [],
      },
    ]);
    expect(plan.counts.deleteAuthorization).toBe(1);
    expect(staleTombstones).toEqual([tombstones[1]]);
    expect(plan.remoteOnly.map((r) => r.accessAuthId)).toEqual(['r3']);
  });

  it('a tombstone whose key is authorized again locally is not deleted: the new authorization takes it over', () => {
    const a = auth('a1', K(1));
    const tombstone = { region: N1, accessAuthId: 'r1', apiKey: K(1), deletedAt: at };
    const { plan, staleTombstones, links } = makePlan(input({ apiGroups: [g1], authorizations: [a], bind: [[a, g1]], deletedAuthorizations: [tombstone] }), world([remoteAuth('r1', K(1), [])]), context);
    expect(plan.items.map((i) => i.action)).toEqual(['setBindings']);
    expect(staleTombstones).toEqual([tombstone]);
    expect(links).toEqual([{ authorizationId: a.id, region: N1, accessAuthId: 'r1', apiKey: K(1) }]);
  });

  it('keeps stable IDs and a stable order across regions and runs', () => {
    const regions = { ...context, regions: [N1, E2] };
    const north = linked('orders', 'g1', 'd1');
    const east = linked('east', 'g9', 'd9', { region: E2 });
    const auths = [auth('a3', K(3)), auth('a1', K(1), { description: 'x' }), auth('a2', K(2))];
    const bind: Array<[AuthorizationRecord, ApiGroupRecord]> = auths.flatMap((a) => [[a, north], [a, east]] as Array<[AuthorizationRecord, ApiGroupRecord]>);
    const remote = [state([remoteGroup('g1', [['d1', 'online']])], [remoteAuth('r2', K(2))]), state([{ ...remoteGroup('g9', [['d9', 'online']]), regionId: E2 }], [], E2)];
    const first = makePlan(input({ apiGroups: [north, east], authorizations: auths, bind }), remote, regions).plan;
    const again = makePlan(input({ apiGroups: [east, north], authorizations: [...auths].reverse(), bind: [...bind].reverse() }), remote, regions).plan;
    expect(again.items).toEqual(first.items);
    expect(first.items.map((i) => i.id)).toEqual([
      `${E2}/createAuthorization/${K(1)}`,
      `${E2}/createAuthorization/${K(2)}`,
      `${E2}/createAuthorization/${K(3)}`,
      `${N1}/createAuthorization/${K(1)}`,
      `${N1}/createAuthorization/${K(3)}`,
      `${N1}/setBindings/${K(2)}`,
    ]);
    expect(first.counts).toEqual({ createAuthorization: 5, updateDescription: 0, setBindings: 1, deleteAuthorization: 0 });
  });

  it('never carries a secret: plans are made of IDs, APIKeys, names and descriptions', () => {
    const a = auth('a1', K(1));
    const { plan } = makePlan(input({ apiGroups: [g1], authorizations: [a], bind: [[a, g1]] }), world(), context);
    expect(Object.keys(plan.items[0]!).sort()).toEqual(['action', 'apiKey', 'authorizationId', 'bind', 'deploymentIds', 'description', 'id', 'region', 'unbind']);
  });

  it('planInputOf takes the store data as it is', () => {
    const data = emptyStore();
    data.accessKeys.push({ id: 'a280dc988b22', name: 'k', description: '', apiKey: K(1), createdAt: at, updatedAt: at });
    data.jdcloud.deletedAuthorizations.push({ region: N1, accessAuthId: 'r1', apiKey: K(2), deletedAt: at });
    expect(planInputOf(data)).toEqual({ accessKeys: [{ id: 'a280dc988b22', apiKey: K(1) }], apiGroups: [], authorizations: [], bindings: [], deletedAuthorizations: data.jdcloud.deletedAuthorizations });
  });
});

describe('plan edge cases', () => {
  it('two local authorizations of one APIKey (a state file may hold them) make one item', () => {
    const byKey = auth('a1', K(7));
    const byId = auth('a2', 'a280dc988b22', { callerKeyKind: 'accessKeyId' });
    const { plan } = makePlan(
      input({ accessKeys: [{ id: 'a280dc988b22', apiKey: K(7) }], apiGroups: [g1], authorizations: [byKey, byId], bind: [[byKey, g1], [byId, g1]] }),
      world(),
      context,
    );
    expect(plan.items.map((i) => [i.id, i.authorizationId])).toEqual([[`${N1}/createAuthorization/${K(7)}`, byKey.id]]);
  });

  it('a group whose remote group is gone is named as not pulled', () => {
    const orphan = linked('orders', 'vanished', 'd1');
    const a = auth('a1', K(1));
    const { plan } = makePlan(input({ apiGroups: [orphan], authorizations: [a], bind: [[a, orphan]] }), world(), context);
    expect(plan.unapplicable.map((u) => u.reason)).toEqual(['groupNotPulled']);
    expect(plan.items).toMatchObject([{ action: 'createAuthorization', deploymentIds: [] }]);
  });

  it('a tombstone of a region outside the account is kept, not deleted nor called stale', () => {
    const tombstone = { region: 'cn-south-1', accessAuthId: 'r1', apiKey: K(1), deletedAt: at };
    const { plan, staleTombstones } = makePlan(input({ deletedAuthorizations: [tombstone] }), world(), context);
    expect(plan.items).toEqual([]);
    expect(staleTombstones).toEqual([]);
  });
});
