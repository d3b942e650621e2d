import { z } from 'zod';

export const STORE_SCHEMA_VERSION = 1;

const accessKeyRecord = z.strictObject({
  id: z.string().regex(/^[0-9a-f]{12}$/),
  name: z.string().min(1).max(32),
  description: z.string().max(180),
  apiKey: z.string().regex(/^[0-9A-F]{32}$/),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});

/** The metadata file, version 1. Strict: an unexpected field means we do not understand the file. */
export const storeFileV1 = z.strictObject({
  schemaVersion: z.literal(STORE_SCHEMA_VERSION),
  accessKeys: z.array(accessKeyRecord),
});

export type StoreData = z.infer<typeof storeFileV1>;

export const emptyStore = (): StoreData => ({ schemaVersion: STORE_SCHEMA_VERSION, accessKeys: [] });
