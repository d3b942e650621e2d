import { z } from 'zod';
import { ACCESS_KEY_ID_PATTERN, API_KEY_PATTERN } from '../access-keys/rules';
import { apiGroupFields } from '../api-groups/rules';
import { AUTHORIZATION_DESCRIPTION_MAX } from '../authorizations/rules';
import { apiGroupRecord, authorizationRecord, jdcloudSection } from '../store/schema';
import { plainText } from '../text-rules';

/**
 * The provider's state as one file a team keeps in git: API groups with their
 * remote identities, authorizations with their bindings, and the remote
 * authorizations still to delete. Versioned; never a secret (an APIKey and an
 * Access Key ID name a key, they do not sign). Groups are named, not numbered:
 * local record IDs differ from one data folder to the next.
 */
export const STATE_FILE_FORMAT = 'gatekey-state';
export const STATE_FILE_VERSION = 1;
export const stateFileFormats = ['yaml', 'json'] as const;
export type StateFileFormat = (typeof stateFileFormats)[number];

/** Which group a binding names: region, name (ignoring case) and environment, which together name one group. */
export const groupReference = z.strictObject({
  name: apiGroupFields.shape.name,
  region: apiGroupFields.shape.region,
  environment: apiGroupFields.shape.environment,
});

export const stateApiGroup = apiGroupFields.extend({ remote: apiGroupRecord.shape.remote });

export const stateAuthorization = z
  .strictObject({
    callerKey: z.string().regex(new RegExp(`${ACCESS_KEY_ID_PATTERN.source}|${API_KEY_PATTERN.source}`), 'is an Access Key ID (12 lowercase hex) or an APIKey (32 uppercase hex)'),
    callerKeyKind: z.enum(['accessKeyId', 'apiKey']),
    accessKeyId: z.string().regex(ACCESS_KEY_ID_PATTERN, 'is an Access Key ID (12 lowercase hex)').optional(),
    description: plainText(AUTHORIZATION_DESCRIPTION_MAX, 'Description'),
    remote: authorizationRecord.shape.remote.unwrap(),
    bindings: z.array(groupReference).max(10_000),
  })
  .refine((a) => (a.callerKeyKind === 'apiKey' ? API_KEY_PATTERN : ACCESS_KEY_ID_PATTERN).test(a.callerKey), {
    message: 'callerKey is not of its callerKeyKind (an accessKeyId is 12 lowercase hex, an apiKey 32 uppercase hex)',
    path: ['callerKey'],
  })
  .refine((a) => a.accessKeyId === undefined || a.callerKeyKind === 'apiKey', { message: 'accessKeyId is only given beside an APIKey', path: ['accessKeyId'] });

/**
 * A group's identity in the file. Pull adds one local record per published
 * environment of a remote group, all of the same name: the name alone is not unique.
 */
export const groupKeyOf = (group: { region: string; name: string; environment: string }): string => `${group.region}\0${group.name.toLowerCase()}\0${group.environment}`;

export const stateFile = z
  .strictObject({
    format: z.literal(STATE_FILE_FORMAT),
    version: z.literal(STATE_FILE_VERSION, 'is 1 (a higher version was made by a newer Gatekey)'),
    apiGroups: z.array(stateApiGroup).max(100_000),
    authorizations: z.array(stateAuthorization).max(1_000_000),
    deletedAuthorizations: jdcloudSection.shape.deletedAuthorizations,
  })
  .superRefine((state, context) => {
    // One group per region, name (ignoring case) and environment; one authorization per access key.
    const groups = new Set<string>();
    state.apiGroups.forEach((group, index) => {
      if (groups.has(groupKeyOf(group))) context.addIssue({ code: 'custom', path: ['apiGroups', index, 'name'], message: `names the API group "${group.name}" (${group.region}, ${group.environment}) twice (names ignore case)` });
      groups.add(groupKeyOf(group));
    });
    const keys = new Set<string>();
    state.authorizations.forEach((authorization, index) => {
      for (const key of [authorization.callerKey, authorization.accessKeyId]) {
        if (key === undefined) continue;
        if (keys.has(key)) context.addIssue({ code: 'custom', path: ['authorizations', index, 'callerKey'], message: `authorizes the access key ${key} twice (one authorization per access key)` });
        keys.add(key);
      }
      authorization.bindings.forEach((binding, at) => {
        if (!groups.has(groupKeyOf(binding))) {
          context.addIssue({ code: 'custom', path: ['authorizations', index, 'bindings', at], message: `names no API group of the file ("${binding.name}" in ${binding.region}, ${binding.environment})` });
        }
      });
    });
  });

export type GatekeyState = z.output<typeof stateFile>;
export type StateApiGroup = GatekeyState['apiGroups'][number];
export type StateAuthorization = GatekeyState['authorizations'][number];
export type GroupReference = z.output<typeof groupReference>;
