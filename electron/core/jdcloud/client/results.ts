import { z } from 'zod';
import { environments } from '../../../shared/api-groups/rules';

/**
 * The shapes of the results Gatekey reads (spec section 7), checked before use:
 * a reply that does not fit is malformed, never guessed at. Optional text the
 * gateway leaves null is ''; IDs must be there. Unknown fields are ignored.
 */

const text = z
  .union([z.string(), z.number()])
  .nullish()
  .transform((value) => (value === null || value === undefined ? '' : String(value)));
const id = z.union([z.string().min(1), z.number()]).transform(String);
/** The APIKey; Gatekey keeps APIKeys upper-case everywhere. */
const apiKey = text.transform((value) => value.toUpperCase());
const list = <T extends z.ZodType>(item: T) => z.array(item).nullish().transform((value) => value ?? []);
const count = z.number().int().nonnegative().nullish();

export const apiGroupsPage = z.object({
  apiGroups: list(z.object({ apiGroupId: id, groupName: text, description: text, regionId: text, domain: text, authType: text })),
  totalCount: count,
});

/** Deployments of an environment Gatekey does not know are dropped (it cannot bind what it cannot name). */
export const deploymentsResult = z.object({
  deployments: list(z.object({ deploymentId: id, environment: text, revision: text })),
});
export const isKnownEnvironment = (value: string): value is (typeof environments)[number] => (environments as readonly string[]).includes(value);

export const accessAuthsPage = z.object({
  accessAuths: list(z.object({ accessAuthId: id, authUserType: text, accessKey: text, description: text })),
  totalCount: count,
});

export const bindGroupsResult = z.object({ bindGroups: list(z.object({ deploymentId: id })) });

export const accessAuthIdResult = z.object({ accessAuthId: id });

/** checkAuthExist: the ID, or nothing (null, '' or absent) when no authorization matches. */
export const existingAuthResult = z
  .object({ accessAuthId: z.union([z.string(), z.number()]).nullish() })
  .nullish()
  .transform((value) => (value?.accessAuthId === null || value?.accessAuthId === undefined || value.accessAuthId === '' ? null : String(value.accessAuthId)));

/** Holds APISecrets: whatever reads it hands them to the keychain and nowhere else. */
export const keysPage = z.object({
  total: count,
  data: list(z.object({ keyId: id, keyName: text, keyDesc: text, accessKey: apiKey, secretKey: text, createTime: text })),
});

export const createdKeyResult = z.object({ accessKey: apiKey.pipe(z.string().min(1)), secretKey: z.string().min(1) });
