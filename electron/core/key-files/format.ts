import { createHash } from 'node:crypto';
import type { AccessKeyRecord } from '../../shared/access-keys/types';
import { HANDOFF_PREFIX } from '../../shared/key-files/import-rules';
import { KEY_FILE_CONTENT_ORDER, KEY_FILE_EXTENSION, KEY_FILE_FORMAT, KEY_FILE_RECORD_FIELDS, KEY_FILE_VERSION, type KeyFile, type KeyFileContent } from '../../shared/key-files/format';

export function checksumOf(content: KeyFileContent): string {
  // An optional field a file does not carry is left out, so files written before it existed still check.
  const canonical = JSON.stringify(KEY_FILE_CONTENT_ORDER.filter((field) => content[field] !== undefined).map((field) => content[field]));
  return `sha256:${createHash('sha256').update(canonical, 'utf8').digest('hex')}`;
}

/** Builds the file from a record, field by field in the format's order. The record type has no secret, and nothing here adds one. */
export function buildKeyFile(key: AccessKeyRecord, exportedAt: Date): KeyFile {
  const fixed: Pick<KeyFileContent, 'format' | 'version' | 'accessKeyId' | 'exportedAt'> = {
    format: KEY_FILE_FORMAT,
    version: KEY_FILE_VERSION,
    accessKeyId: key.id,
    exportedAt: exportedAt.toISOString(),
  };
  const fromRecord = new Set<string>(KEY_FILE_RECORD_FIELDS);
  const valueOf = (field: keyof KeyFileContent) => (fromRecord.has(field) ? key[field as keyof AccessKeyRecord] : fixed[field as keyof typeof fixed]);
  const content = Object.fromEntries(KEY_FILE_CONTENT_ORDER.map((field) => [field, valueOf(field)]).filter(([, value]) => value !== undefined)) as KeyFileContent;
  return { ...content, checksum: checksumOf(content) };
}

export const keyFileText = (file: KeyFile): string => `${JSON.stringify(file, null, 2)}\n`;

/** One line for chat: a prefix, then the compact file as base64url. */
export const handoffText = (file: KeyFile): string => `${HANDOFF_PREFIX}${Buffer.from(JSON.stringify(file), 'utf8').toString('base64url')}`;

/** A file name that is safe on every platform. */
export const keyFileName = (key: AccessKeyRecord): string => `${key.name.replace(/[^A-Za-z0-9_-]/g, '_')}-${key.id}${KEY_FILE_EXTENSION}`;
