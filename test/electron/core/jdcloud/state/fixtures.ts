import { emptyStore, type StoreData } from '../../../../../electron/shared/store/schema';
import { key } from '../../../../support/store-records';

const at = '2026-11-29T10:00:00.000Z';
export const APIKEY_A = 'A'.repeat(32);
export const APIKEY_B = 'B0'.repeat(16);

/**
 * A data folder's records in an order no sort would give: two groups (one
 * linked to the gateway), an authorization by APIKey with a remote link and
 * two bindings, one by the Access Key ID of a key of this folder, one by an
 * unknown Access Key ID, and a tombstone.
 */
export function sampleStore(): StoreData {
  const data = emptyStore();
  data.accessKeys.push(key(7, 'payments'));
  data.apiGroups.push(
    { id: 'grp000000002', name: 'users', description: 'Users, "quoted", and: colons', region: 'cn-north-1', environment: 'test', host: 'u1.cn-north-1.jdcloud-api.net', createdAt: at, updatedAt: at },
    { id: 'grp000000001', name: 'orders', description: '', region: 'cn-north-1', environment: 'online', host: 'o1.cn-north-1.jdcloud-api.net', createdAt: at, updatedAt: at, remote: { apiGroupId: 'ag-orders', deploymentId: 'dp-online' } },
  );
  data.authorizations.push(
    { id: 'auth00000003', callerKey: '0000000000ff', callerKeyKind: 'accessKeyId', callerType: 'apiCaller', description: 'unknown key', createdAt: at, updatedAt: at },
    { id: 'auth00000001', callerKey: APIKEY_A, callerKeyKind: 'apiKey', accessKeyId: 'aaaaaaaaaaaa', callerType: 'apiCaller', description: 'Partner, Inc.', createdAt: at, updatedAt: at, remote: [{ region: 'cn-north-1', accessAuthId: 'aa-1' }] },
    { id: 'auth00000002', callerKey: key(7).id, callerKeyKind: 'accessKeyId', callerType: 'apiCaller', description: '', createdAt: at, updatedAt: at },
  );
  data.bindings.push(
    { authorizationId: 'auth00000001', groupId: 'grp000000002', boundAt: at },
    { authorizationId: 'auth00000001', groupId: 'grp000000001', boundAt: at },
    { authorizationId: 'auth00000002', groupId: 'grp000000001', boundAt: at },
  );
  data.jdcloud.deletedAuthorizations.push({ region: 'cn-north-1', accessAuthId: 'gone-1', apiKey: APIKEY_B, deletedAt: at });
  return data;
}
