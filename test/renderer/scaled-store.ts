import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { StoreData } from '../../electron/shared/store/schema';
import { storeOfScale, type Scale } from '../bench/scale-data';
import { STORE_FILE } from './helpers';

/**
 * A new data folder holding a store of `scale` (the bench's records, none of their secrets in
 * the keychain). Record n is created n minutes after the first, so "newest first" is a real order.
 */
export async function scaledDataDir(scale: Partial<Scale>): Promise<{ dataDir: string; data: StoreData }> {
  const dataDir = await mkdtemp(join(tmpdir(), 'gatekey-scaled-'));
  const data = storeOfScale({ label: 'test', accessKeys: 0, authorizations: 0, apiGroups: 0, bindings: 0, ...scale });
  const at = (n: number) => new Date(Date.UTC(2026, 0, 1) + n * 60_000).toISOString();
  data.accessKeys.forEach((k, n) => Object.assign(k, { createdAt: at(n), updatedAt: at(n) }));
  data.authorizations.forEach((a, n) => Object.assign(a, { createdAt: at(n), updatedAt: at(n) }));
  await writeFile(join(dataDir, STORE_FILE), JSON.stringify(data));
  return { dataDir, data };
}
