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

/** The order of the fields the checksum covers. */
export const KEY_FILE_CONTENT_ORDER = ['format', 'version', 'accessKeyId', 'apiKey', 'name', 'description', 'createdAt', 'exportedAt'] as const;

