import type { GatekeyApi } from '../../electron/ipc/contract';
import type { Result } from '../../electron/ipc/result';
import type { AccessKeySummary } from '../../electron/shared/access-keys/types';
import type { ApiGroupSummary } from '../../electron/shared/api-groups/types';
import type { AuthorizationSummary } from '../../electron/shared/authorizations/types';
import { MAX_WINDOW_ROWS, type ListWindow } from '../../electron/shared/lists/window';

/*
 * Every record of a collection, for tests that check what main holds. The app
 * itself never asks for a whole collection: this walks the windowed `query`
 * channel a full window at a time, as a test can afford to.
 */

type Query<T> = (input: { search: ''; offset: number; limit: number }) => Promise<Result<ListWindow<T>>>;

async function walk<T>(query: Query<T>): Promise<Result<T[]>> {
  const rows: T[] = [];
  for (;;) {
    const page = await query({ search: '', offset: rows.length, limit: MAX_WINDOW_ROWS });
    if (!page.ok) return page;
    rows.push(...page.data.rows);
    if (page.data.rows.length === 0 || rows.length >= page.data.matching) return { ok: true, data: rows };
  }
}

/** In creation order, oldest first (records of one millisecond in the order they were added). */
export const everyAccessKey = (api: GatekeyApi): Promise<Result<AccessKeySummary[]>> => walk((input) => api.accessKeys.query({ ...input, order: 'oldest' }));

/** In creation order, oldest first: the list's newest-first order, reversed. */
export async function everyAuthorization(api: GatekeyApi): Promise<Result<AuthorizationSummary[]>> {
  const result = await walk((input) => api.authorizations.query(input));
  return result.ok ? { ok: true, data: result.data.reverse() } : result;
}

/** In creation order, oldest first: the list's newest-first order, reversed. */
export async function everyApiGroup(api: GatekeyApi): Promise<Result<ApiGroupSummary[]>> {
  const result = await walk((input) => api.apiGroups.query(input));
  return result.ok ? { ok: true, data: result.data.reverse() } : result;
}
