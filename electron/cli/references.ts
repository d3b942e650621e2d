import { AppError } from '../shared/errors';
import { environments, type Environment } from '../shared/api-groups/rules';
import type { ApiGroupRecord } from '../shared/api-groups/types';
import type { AuthorizationRecord } from '../shared/authorizations/types';
import { visible } from '../shared/signing/input-rules';
import type { RecordStore } from '../core/ports/record-store';

/**
 * An authorization named on the command line: its ID, or the caller's Access
 * Key ID or APIKey (either finds it, as in the window, also through a key of
 * this app that has both).
 */
export function findAuthorization(store: RecordStore, named: string): AuthorizationRecord {
  const text = named.trim();
  const byId = store.index('authorizationById').get(text.toLowerCase());
  if (byId) return byId;
  const key = /^[0-9a-fA-F]{32}$/.test(text) ? text.toUpperCase() : text.toLowerCase();
  const local = store.index('accessKeyById').get(key) ?? store.index('accessKeyByApiKey').get(key);
  for (const name of local ? [key, local.id, local.apiKey] : [key]) {
    const found = store.index('authorizationByCallerKey').get(name) ?? store.index('authorizationByAccessKeyId').get(name);
    if (found) return found;
  }
  throw new AppError('NOT_FOUND', `No authorization with the ID or caller key "${visible(named)}". List them with: gatekey auth list`, {
    reason: 'cliAuthorizationNotFound',
    params: { authorization: visible(named) },
  });
}

/**
 * An API group named on the command line: its ID, or its name (ignoring case),
 * optionally `NAME:ENV`. After a pull one name can stand for a record per
 * environment (or region): then ENV, or the ID, must say which. A name that
 * itself holds a colon is found whole first.
 */
export function findGroup(store: RecordStore, named: string): ApiGroupRecord {
  const text = named.trim();
  const byId = store.index('groupById').get(text.toLowerCase());
  if (byId) return byId;
  const groups = store.read().apiGroups;
  const called = (name: string) => groups.filter((group) => group.name.toLowerCase() === name.toLowerCase());
  let candidates = called(text);
  let environment: string | undefined;
  const at = text.lastIndexOf(':');
  if (candidates.length === 0 && at > 0 && (environments as readonly string[]).includes(text.slice(at + 1).toLowerCase())) {
    environment = text.slice(at + 1).toLowerCase();
    const sameName = called(text.slice(0, at));
    candidates = sameName.filter((group) => group.environment === environment);
    if (candidates.length === 0 && sameName.length > 0) {
      const group = sameName[0]!;
      const where = sameName.map((g) => g.environment).join(', ');
      throw new AppError('NOT_FOUND', `No API group "${group.name}" in the ${environment} environment (it is in ${where}).`, {
        reason: 'cliGroupEnvironment',
        params: { group: group.name, environment: environment as Environment, where },
      });
    }
  }
  if (candidates.length === 1) return candidates[0]!;
  if (candidates.length > 1) {
    const where = candidates.map((group) => `${group.id} (${group.region}, ${group.environment})`).join(', ');
    throw new AppError('INVALID_INPUT', `Several API groups are named "${candidates[0]!.name}": ${where}. Name one by ${environment ? 'its ID' : 'NAME:ENV or its ID'}.`, {
      reason: 'cliGroupAmbiguous',
      params: { group: candidates[0]!.name, where },
    });
  }
  throw new AppError('NOT_FOUND', `No API group named or with the ID "${visible(named)}". List them with: gatekey groups list`, { reason: 'cliGroupNotFound', params: { group: visible(named) } });
}
