import type { StoreData } from '../../electron/shared/store/schema';
import { key } from './store-records';

const at = '2026-11-29T10:00:00.000Z';
const id36 = (prefix: string, n: number) => `${prefix}${n.toString(36).padStart(11, '0')}`;

type Group = StoreData['apiGroups'][number];
type Authorization = StoreData['authorizations'][number];
type Binding = StoreData['bindings'][number];

/** Valid records of every collection, numbered, for tests that change every part of the store. */
export const records = {
  accessKeys: (n: number) => key(n),
  apiGroups: (n: number): Group => ({ id: id36('g', n), name: `group-${n}`, description: '', region: 'cn-north-1', environment: 'test', host: `h${n}.cn-north-1.jdcloud-api.net`, createdAt: at, updatedAt: at }),
  authorizations: (n: number): Authorization => ({
    id: id36('a', n),
    callerKey: n.toString(16).toUpperCase().padStart(32, '0'),
    callerKeyKind: 'apiKey',
    callerType: 'apiCaller',
    description: `authorization ${n}`,
    createdAt: at,
    updatedAt: at,
  }),
  bindings: (n: number, m = n): Binding => ({ authorizationId: id36('a', n), groupId: id36('g', m), boundAt: at }),
};
