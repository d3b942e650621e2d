import { z } from 'zod';
import { ACCESS_KEY_ID_PATTERN, API_KEY_PATTERN, accessKeyRecord } from '../access-keys/rules';
import { API_GROUP_ID_PATTERN, GROUP_DESCRIPTION_MAX, GROUP_NAME_MAX } from '../api-groups/rules';
import { AUTHORIZATION_DESCRIPTION_MAX, AUTHORIZATION_ID_PATTERN } from '../authorizations/rules';

/**
 * The shape of the data in memory (and of a single-file store on disk).
 * Version 2 added API groups, authorizations and bindings; version 3 the links to JD Cloud API Gateway.
 */
export const STORE_SCHEMA_VERSION = 3;

/**
 * The version of the files on disk: 4 is the journaled layout (a manifest,
 * one snapshot per part and a journal of changes; storage/journal). Its data
 * is STORE_SCHEMA_VERSION's shape; versions 1-3 are single files, migrated on
 * the first save.
 */
export const STORE_FILE_VERSION = 4;

const timestamp = z.iso.datetime();
/** An ID the gateway gave (opaque; its format is unconfirmed), bounded and printable. */
const remoteId = z.string().regex(/^[\x21-\x7e]{1,128}$/);
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
  /** The group in JD Cloud API Gateway (version 3): its ID, and the deployment of this record's environment once published there. */
  remote: z.strictObject({ apiGroupId: remoteId, deploymentId: remoteId.optional() }).optional(),
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
  /** The gateway's authorizations of this caller, one per region it was applied to (version 3). */
  remote: z.array(z.strictObject({ region: z.string().min(1).max(64), accessAuthId: remoteId })).max(64).optional(),
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

/** The store file as version 2 wrote it (no links to JD Cloud); kept to read and migrate old files. */
export const storeFileV2 = z.strictObject({
  schemaVersion: z.literal(2),
  accessKeys: z.array(accessKeyRecord.omit({ remote: true })),
  apiGroups: z.array(apiGroupRecord.omit({ remote: true })),
  authorizations: z.array(authorizationRecord.omit({ remote: true })),
  bindings: z.array(bindingRecord),
});

/**
 * The connected JD Cloud account and what sync must remember between runs.
 * Never the SecretKey (the keychain holds it) nor any APISecret.
 */
export const jdcloudSection = z.strictObject({
  account: z
    .strictObject({
      accessKeyId: z.string().min(1).max(128),
      regions: z.array(z.string().min(1).max(64)).min(1).max(16),
      endpoint: z.string().min(1).max(2048),
      connectedAt: timestamp,
    })
    .nullable(),
  /**
   * Remote authorizations Gatekey applied or pulled whose local record was deleted
   * since: the next plan deletes them. Remote ones Gatekey never knew are never deleted.
   */
  deletedAuthorizations: z.array(z.strictObject({ region: z.string().min(1).max(64), accessAuthId: remoteId, apiKey: z.string().regex(API_KEY_PATTERN), deletedAt: timestamp })),
});

/** The current store file. Strict: an unexpected field means we do not understand the file. */
export const storeFileV3 = z.strictObject({
  schemaVersion: z.literal(3),
  accessKeys: z.array(accessKeyRecord),
  apiGroups: z.array(apiGroupRecord),
  authorizations: z.array(authorizationRecord),
  bindings: z.array(bindingRecord),
  jdcloud: jdcloudSection,
});

export type StoreData = z.infer<typeof storeFileV3>;
export type JdcloudSection = z.infer<typeof jdcloudSection>;

/** The record collections of the store, in file order. */
export const COLLECTIONS = ['accessKeys', 'apiGroups', 'authorizations', 'bindings'] as const;
export type Collection = (typeof COLLECTIONS)[number];
/** Every part of the store a change can touch: the collections and the JD Cloud section. */
export const STORE_PARTS = [...COLLECTIONS, 'jdcloud'] as const;
export type StorePart = (typeof STORE_PARTS)[number];

export const emptyJdcloudSection = (): JdcloudSection => ({ account: null, deletedAuthorizations: [] });

export const emptyStore = (): StoreData => ({ schemaVersion: STORE_SCHEMA_VERSION, accessKeys: [], apiGroups: [], authorizations: [], bindings: [], jdcloud: emptyJdcloudSection() });
