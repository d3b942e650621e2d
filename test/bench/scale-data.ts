import type { StoreData } from '../../electron/shared/store/schema';

export interface Scale {
  label: string;
  accessKeys: number;
  authorizations: number;
  apiGroups: number;
  bindings: number;
}

/** The scale issue 7 plans for, and the two smaller steps the bench also measures. */
export const FULL: Scale = { label: 'full', accessKeys: 10_000, authorizations: 100_000, apiGroups: 1_000, bindings: 200_000 };
export const scales: Scale[] = [
  { label: '1/100', accessKeys: 100, authorizations: 1_000, apiGroups: 10, bindings: 2_000 },
  { label: '1/10', accessKeys: 1_000, authorizations: 10_000, apiGroups: 100, bindings: 20_000 },
  FULL,
];

const hex = (n: number, width: number) => n.toString(16).padStart(width, '0');
const id36 = (prefix: string, n: number) => `${prefix}${n.toString(36).padStart(11, '0')}`;

/** A valid store of the given size, deterministic, written straight to the file (no keychain entries). */
export function storeOfScale(scale: Scale): StoreData {
  const at = '2026-11-29T10:00:00.000Z';
  const accessKeys = Array.from({ length: scale.accessKeys }, (_, n) => ({
    id: hex(n, 12),
    name: `caller-${n}`,
    description: `Access key number ${n} for the benchmark`,
    apiKey: hex(n, 32).toUpperCase(),
    createdAt: at,
    updatedAt: at,
  }));
  const apiGroups = Array.from({ length: scale.apiGroups }, (_, n) => ({
    id: id36('g', n),
    name: `group-${n}`,
    description: `API group ${n}`,
    region: 'cn-north-1',
    environment: (['test', 'preview', 'online'] as const)[n % 3]!,
    host: `svc${n}.cn-north-1.jdcloud-api.net`,
    createdAt: at,
    updatedAt: at,
  }));
  const authorizations = Array.from({ length: scale.authorizations }, (_, n) => ({
    id: id36('a', n),
    callerKey: hex(n + 1_000_000, 32).toUpperCase(),
    callerKeyKind: 'apiKey' as const,
    callerType: 'apiCaller' as const,
    description: `Authorization ${n}`,
    createdAt: at,
    updatedAt: at,
  }));
  const bindings = Array.from({ length: scale.bindings }, (_, n) => ({
    authorizationId: authorizations[n % scale.authorizations]!.id,
    // The second pass over the authorizations shifts by one group, so no pair is bound twice.
    groupId: apiGroups[(n * 7 + Math.floor(n / scale.authorizations)) % scale.apiGroups]!.id,
    boundAt: at,
  }));
  return { schemaVersion: 3, accessKeys, apiGroups, authorizations, bindings, jdcloud: { account: null, deletedAuthorizations: [] } };
}
