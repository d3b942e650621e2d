import { z } from 'zod';
import { ACCESS_KEY_ID_PATTERN, API_KEY_PATTERN } from '../access-keys/rules';
import { loneSurrogate, unsafeCharacters } from '../text-rules';

/**
 * The key file: what a caller hands a provider. Versioned, checksummed, and
 * never carrying the APISecret. Documented in the README ("Key files").
 * The schema below is the format: the file's fields, their order in the file
 * and in the checksum, and what an import accepts all come from it.
 */
export const KEY_FILE_FORMAT = 'gatekey.apikey';
export const KEY_FILE_VERSION = 1;
export const KEY_FILE_EXTENSION = '.gatekey.json';

const text = (max: number) =>
  z
    .string()
    .max(max)
    .refine((value) => !loneSurrogate.test(value), 'contains a broken character (half of a surrogate pair)')
    .refine((value) => !unsafeCharacters.test(value), 'contains control or direction-changing characters');
const timestamp = z.iso.datetime();

export const keyFileSchema = z.strictObject({
  format: z.literal(KEY_FILE_FORMAT),
  version: z.literal(KEY_FILE_VERSION),
  accessKeyId: z.string().regex(ACCESS_KEY_ID_PATTERN, 'is not a 12-hex Access Key ID'),
  apiKey: z.string().regex(API_KEY_PATTERN, 'is not a 32-hex APIKey'),
  // Names come from another machine: any text, shown as text, but no control or bidi characters.
  name: text(64).pipe(z.string().min(1, 'is empty')),
  description: text(256),
  createdAt: timestamp,
  exportedAt: timestamp,
  checksum: z.string().regex(/^sha256:[0-9a-f]{64}$/, 'is not a sha256 checksum'),
});

export type KeyFile = z.infer<typeof keyFileSchema>;
export type KeyFileContent = Omit<KeyFile, 'checksum'>;

/** The fields the checksum covers, in file order: every field but the checksum itself. */
export const KEY_FILE_CONTENT_ORDER = Object.keys(keyFileSchema.shape).filter((field) => field !== 'checksum') as Array<keyof KeyFileContent>;

/** Fields the file takes from somewhere other than the access-key record of the same name. */
const NOT_FROM_RECORD: ReadonlyArray<keyof KeyFileContent> = ['format', 'version', 'accessKeyId', 'exportedAt'];
/** The access key's own fields the file carries, named as in the record. */
export const KEY_FILE_RECORD_FIELDS = KEY_FILE_CONTENT_ORDER.filter((field) => !NOT_FROM_RECORD.includes(field));
