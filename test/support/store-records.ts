import type { AccessKeyRecord } from '../../electron/shared/access-keys/types';

const at = '2026-11-29T10:00:00.000Z';

/** Access key number n, with an ID and APIKey made from n, so tests can name keys by number. */
export const key = (n: number, name = `key-${n}`): AccessKeyRecord => ({
  id: n.toString(16).padStart(12, '0'),
  name,
  description: '',
  apiKey: n.toString(16).toUpperCase().padStart(32, '0'),
  createdAt: at,
  updatedAt: at,
});

/** A current-version store file's text holding exactly these keys. */
export const storeText = (...keys: number[]): string =>
  JSON.stringify({ schemaVersion: 2, accessKeys: keys.map((n) => key(n)), apiGroups: [], authorizations: [], bindings: [] });
