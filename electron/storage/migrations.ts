import { emptyJdcloudSection, storeFileV1, storeFileV2, storeFileV3, type StoreData } from '../shared/store/schema';
import type { z } from 'zod';

type V2 = z.infer<typeof storeFileV2>;
const fromV2 = (data: V2): StoreData => ({ ...data, schemaVersion: 3, jdcloud: emptyJdcloudSection() });

/**
 * How to read each older version and bring it to the current one. A version
 * with no entry here (and not the current one) cannot be opened.
 */
export const migrations: Record<number, { schema: z.ZodType; migrate(data: never): StoreData }> = {
  1: {
    schema: storeFileV1,
    migrate: (data: z.infer<typeof storeFileV1>): StoreData => fromV2({ schemaVersion: 2, accessKeys: data.accessKeys, apiGroups: [], authorizations: [], bindings: [] }),
  },
  2: { schema: storeFileV2, migrate: fromV2 },
  3: { schema: storeFileV3, migrate: (data: StoreData) => data },
};
