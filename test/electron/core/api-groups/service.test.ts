import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApiGroupService } from '../../../../electron/core/api-groups/service';
import { MetadataStore } from '../../../../electron/storage/metadata-store';
import type { ApiGroupFields } from '../../../../electron/shared/api-groups/rules';

// A real store file in a temp folder; API groups need no keychain.
let dir: string;
let store: MetadataStore;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'gatekey-groups-'));
  store = await MetadataStore.open(join(dir, 'store.json'));
});
afterEach(async () => {
  await store.close();
  await rm(dir, { recursive: true, force: true });
});

const fields = (over: Partial<ApiGroupFields> = {}): ApiGroupFields => ({
  name: 'Orders',
  description: '',
  region: 'cn-north-1',
  environment: 'online',
  host: 'orders.cn-north-1.jdcloud-api.net',
  ...over,
});

describe('API group names', () => {
  it('are unique per region and environment, ignoring case', async () => {
    const groups = createApiGroupService({ store });
    await groups.create(fields());
    // The gateway's one group in several environments is one record per environment.
    await groups.create(fields({ environment: 'test', host: 'orders-test.cn-north-1.jdcloud-api.net' }));
    await groups.create(fields({ region: 'cn-east-2', host: 'orders.cn-east-2.jdcloud-api.net' }));
    await expect(groups.create(fields({ name: 'ORDERS', host: 'x.cn-north-1.jdcloud-api.net' }))).rejects.toMatchObject({
      code: 'NAME_TAKEN',
      reason: 'apiGroupNameTaken',
      params: { name: 'Orders' },
      message: 'An API group named "Orders" already exists.',
      fieldReasons: { name: { reason: 'nameUsedByApiGroup' } },
    });
    expect(groups.list().map((g) => `${g.name}/${g.region}/${g.environment}`)).toEqual(['Orders/cn-north-1/online', 'Orders/cn-north-1/test', 'Orders/cn-east-2/online']);
  });

  it('an edit into a taken (name, region, environment) is refused; into a free environment it is not', async () => {
    const groups = createApiGroupService({ store });
    await groups.create(fields());
    const test = await groups.create(fields({ environment: 'test' }));
    await expect(groups.update(test.id, fields({ name: 'orders' }))).rejects.toMatchObject({ code: 'NAME_TAKEN' });
    const moved = await groups.update(test.id, fields({ name: 'orders', environment: 'preview' }));
    expect(moved).toMatchObject({ name: 'orders', environment: 'preview' });
    // Editing a group without changing its name keeps it valid.
    expect(await groups.update(test.id, fields({ name: 'orders', environment: 'preview', description: 'new' }))).toMatchObject({ description: 'new' });
  });
});
