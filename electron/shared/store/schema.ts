import { z } from 'zod';
import { ACCESS_KEY_ID_PATTERN, API_KEY_PATTERN, accessKeyRecord } from '../access-keys/rules';
import { API_GROUP_ID_PATTERN, GROUP_DESCRIPTION_MAX, GROUP_NAME_MAX } from '../api-groups/rules';
import { AUTHORIZATION_DESCRIPTION_MAX, AUTHORIZATION_ID_PATTERN } from '../authorizations/rules';

/** Version 2 added API groups, authorizations and bindings. */
export const STORE_SCHEMA_VERSION = 2;

const timestamp = z.iso.datetime();
/** Either of the (each fully anchored) patterns. */
const eitherOf = (...patterns: RegExp[]) => new RegExp(patterns.map((pattern) => `(?:${pattern.source})`).join('|'));

export const apiGroupRecord = z.strictObject({
  id: z.string().regex(API_GROUP_ID_PATTERN),
  name: z.string().min(1).max(GROUP_NAME_MAX),
  description: z.string().max(GROUP_DESCRIPTION_MAX),
  region: z.string().min(1).max(64),
  environment: z.enum(['test', 'preview', 'online']),
  host: z.string().min(1).max(253),
  createdAt: timestamp,
  updatedAt: timestamp,
});

export const authorizationRecord = z.strictObject({
  id: z.string().regex(AUTHORIZATION_ID_PATTERN),
  callerKey: z.string().regex(eitherOf(ACCESS_KEY_ID_PATTERN, API_KEY_PATTERN)),
  callerKeyKind: z.enum(['accessKeyId', 'apiKey']),
  /** The same key's Access Key ID, when it was handed over with the APIKey (a key file); absent in older files. */
  accessKeyId: z.string().regex(ACCESS_KEY_ID_PATTERN).optional(),
  callerType: z.literal('apiCaller'),
  description: z.string().max(AUTHORIZATION_DESCRIPTION_MAX),
  createdAt: timestamp,
  updatedAt: timestamp,
});

export const bindingRecord = z.strictObject({
  authorizationId: z.string(),
  groupId: z.string(),
  boundAt: timestamp,
});

/** The store file as version 1 wrote it; kept to read and migrate old files. */
export const storeFileV1 = z.strictObject({
  schemaVersion: z.literal(1),
  accessKeys: z.array(accessKeyRecord),
});

/** The current store file. Strict: an unexpected field means we do not understand the file. */
export const storeFileV2 = z.strictObject({
  schemaVersion: z.literal(2),
  accessKeys: z.array(accessKeyRecord),
  apiGroups: z.array(apiGroupRecord),
  authorizations: z.array(authorizationRecord),
  bindings: z.array(bindingRecord),
});

export type StoreData = z.infer<typeof storeFileV2>;

/** The record collections of the store, in file order. */
export const COLLECTIONS = ['accessKeys', 'apiGroups', 'authorizations', 'bindings'] as const;
export type Collection = (typeof COLLECTIONS)[number];

export const emptyStore = (): StoreData => ({ schemaVersion: STORE_SCHEMA_VERSION, accessKeys: [], apiGroups: [], authorizations: [], bindings: [] });
