import { z } from 'zod';
import { plainText } from '../text-rules';

/** Field rules for API groups, shared by the IPC contract and the renderer's forms. */
export const GROUP_NAME_MAX = 64;
export const GROUP_DESCRIPTION_MAX = 256;
export const environments = ['test', 'preview', 'online'] as const;
export type Environment = (typeof environments)[number];

/** 12 lowercase letters and digits. Shared with the store file. */
export const API_GROUP_ID_PATTERN = /^[0-9a-z]{12}$/;
export const apiGroupId = z.string().regex(API_GROUP_ID_PATTERN, 'Not an API group ID (12 lowercase letters and digits).');

// Names are free text (a provider may name groups in any script), but never
// control or direction-changing characters; the UI renders them as text.
const groupName = plainText(GROUP_NAME_MAX, 'Name').pipe(z.string().min(1, 'Name is required.'));

const region = z
  .string()
  .max(64)
  .transform((value) => value.trim().toLowerCase())
  .pipe(z.string().regex(/^[a-z]{2,}(-[a-z0-9]+)+$/, 'Region looks like cn-north-1: lowercase words and digits joined by "-".'));

const dnsLabel = '[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?';
// A gateway host: at least two DNS labels, no scheme, port or path. Its first label is the service name.
const host = z
  .string()
  .max(300)
  .transform((value) => value.trim().toLowerCase())
  .pipe(
    z
      .string()
      .max(253, 'Host can be at most 253 characters.')
      .regex(new RegExp(`^${dnsLabel}(\\.${dnsLabel})+$`), 'Host is a domain name such as xv3xbwah945y.cn-north-1.jdcloud-api.net, without https:// or a path.'),
  );

export const apiGroupFields = z.strictObject({
  name: groupName,
  description: plainText(GROUP_DESCRIPTION_MAX, 'Description'),
  region,
  environment: z.enum(environments, 'Environment is test, preview or online.'),
  host,
});

export type ApiGroupFields = z.output<typeof apiGroupFields>;
