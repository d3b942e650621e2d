import { useMemo } from 'react';
import type { AccessKeySummary } from '../../../electron/shared/access-keys/types';
import { useAppStore } from '../store';
import { visibleAccessKeys } from '../store/visible-access-keys';
import { useDeferredSearch } from './useDeferredSearch';

/** The Access Key list as shown: filtered by its search box and sorted; the same array until keys, search or order change. */
export function useVisibleAccessKeys(keys: AccessKeySummary[]): AccessKeySummary[] {
  const query = useDeferredSearch(useAppStore((s) => s.accessKeyQuery), keys.length);
  const direction = useAppStore((s) => s.accessKeySort);
  return useMemo(() => visibleAccessKeys(keys, query, direction), [keys, query, direction]);
}
