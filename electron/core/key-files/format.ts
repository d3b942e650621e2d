import { createHash } from 'node:crypto';
import type { AccessKeyRecord } from '../access-keys/types';
import { HANDOFF_PREFIX } from './import-rules';

/**
 * The key file: what a caller hands a provider. Versioned, checksummed, and
 * never carrying the APISecret. Documented in the README ("Key files").
 */
export const KEY_FILE_FORMAT = 'gatekey.apikey';
export const KEY_FILE_VERSION = 1;
export const KEY_FILE_EXTENSION = '.gatekey.json';

export interface KeyFileContent {
  format: typeof KEY_FILE_FORMAT;
  version: typeof KEY_FILE_VERSION;
  accessKeyId: string;
  apiKey: string;
  name: string;
  description: string;
  createdAt: string;
  exportedAt: string;
}

export interface KeyFile extends KeyFileContent {
  /** `sha256:` + hex SHA-256 of the content fields as a JSON array in this fixed order. */
  checksum: string;
}

const CONTENT_ORDER = ['format', 'version', 'accessKeyId', 'apiKey', 'name', 'description', 'createdAt', 'exportedAt'] as const;

export function checksumOf(content: KeyFileContent): string {
  const canonical = JSON.stringify(CONTENT_ORDER.map((field) => content[field]));
  return `sha256:${createHash('sha256').update(canonical, 'utf8').digest('hex')}`;
}

/** Builds the file from a record. The record type has no secret, and nothing here adds one. */
export function buildKeyFile(key: AccessKeyRecord, exportedAt: Date): KeyFile {
  const content: KeyFileContent = {
    format: KEY_FILE_FORMAT,
    version: KEY_FILE_VERSION,
    accessKeyId: key.id,
    apiKey: key.apiKey,
    name: key.name,
    description: key.description,
    createdAt: key.createdAt,
    exportedAt: exportedAt.toISOString(),
  };
  return { ...content, checksum: checksumOf(content) };
}

export const keyFileText = (file: KeyFile): string => `${JSON.stringify(file, null, 2)}\n`;

/** One line for chat: a prefix, then the compact file as base64url. */
export const handoffText = (file: KeyFile): string => `${HANDOFF_PREFIX}${Buffer.from(JSON.stringify(file), 'utf8').toString('base64url')}`;

/** A file name that is safe on every platform. */
export const keyFileName = (key: AccessKeyRecord): string => `${key.name.replace(/[^A-Za-z0-9_-]/g, '_')}-${key.id}${KEY_FILE_EXTENSION}`;
