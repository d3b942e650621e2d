import { AppError } from '../../shared/errors';
import { unusedId } from '../ids';
import type { RecordStore } from '../ports/record-store';
import type { ApiGroupFields } from '../../shared/api-groups/rules';
import type { ApiGroupRecord, ApiGroupSummary } from '../../shared/api-groups/types';
import type { ListWindow } from '../../shared/lists/window';
import { createApiGroupList } from './list-window';

export const groupGone = () =>
  new AppError('NOT_FOUND', 'This API group no longer exists. It may have been deleted in another window; the list has been refreshed.', { reason: 'apiGroupGone' });

/** The provider's catalogue of API groups. Deleting a group removes its bindings with it. */
export function createApiGroupService({ store, now = () => new Date() }: { store: RecordStore; now?: () => Date }) {
  /**
   * One name per (region, environment), ignoring case: the gateway has one group
   * in several environments, and each (group, environment) is a record here.
   */
  function assertNameFree(groups: readonly ApiGroupRecord[], fields: Pick<ApiGroupFields, 'name' | 'region' | 'environment'>, exceptId?: string): void {
    const wanted = fields.name.toLowerCase();
    const clash = groups.find(
      (group) => group.id !== exceptId && group.name.toLowerCase() === wanted && group.region === fields.region && group.environment === fields.environment,
    );
    if (clash) {
      throw new AppError('NAME_TAKEN', `An API group named "${clash.name}" already exists.`, {
        reason: 'apiGroupNameTaken',
        params: { name: clash.name },
        fields: { name: 'This name is already used by another API group (names ignore case).' },
        fieldReasons: { name: { reason: 'nameUsedByApiGroup', params: {} } },
      });
    }
  }

  const summarise = (group: ApiGroupRecord): ApiGroupSummary => ({ ...group, bindingCount: store.index('bindingsByGroup').get(group.id)?.length ?? 0 });
  const listed = createApiGroupList();

  return {
    /** The groups in store order, at most `limit` of them (the CLI asks for all). */
    list(limit = Number.POSITIVE_INFINITY): ApiGroupSummary[] {
      const groups = store.read().apiGroups;
      return (groups.length > limit ? groups.slice(0, limit) : groups).map(summarise);
    },

    /** One window of the list, newest first, as searched; only its rows are summarised. */
    query(request: { search: string; offset: number; limit: number }): ListWindow<ApiGroupSummary> {
      return listed.window({ records: store.read().apiGroups }, { ...request, order: 'newest' }, (groups) => groups.map(summarise));
    },

    async create(fields: ApiGroupFields): Promise<ApiGroupSummary> {
      const group = await store.update((data) => {
        assertNameFree(data.apiGroups, fields);
        const timestamp = now().toISOString();
        const record: ApiGroupRecord = { id: unusedId((id) => data.apiGroups.some((g) => g.id === id)), ...fields, createdAt: timestamp, updatedAt: timestamp };
        data.apiGroups.push(record);
        return record;
      });
      return summarise(group);
    },

    async update(id: string, fields: ApiGroupFields): Promise<ApiGroupSummary> {
      const group = await store.update((data) => {
        const at = data.apiGroups.findIndex((g) => g.id === id);
        if (at < 0) throw groupGone();
        assertNameFree(data.apiGroups, fields, id);
        const record = { ...data.apiGroups[at]!, ...fields, updatedAt: now().toISOString() };
        data.apiGroups[at] = record;
        return record;
      });
      return summarise(group);
    },

    delete(id: string): Promise<{ id: string; unboundAuthorizations: number }> {
      return store.update((data) => {
        if (!data.apiGroups.some((g) => g.id === id)) throw groupGone();
        const before = data.bindings.length;
        data.apiGroups = data.apiGroups.filter((g) => g.id !== id);
        data.bindings = data.bindings.filter((binding) => binding.groupId !== id);
        return { id, unboundAuthorizations: before - data.bindings.length };
      });
    },
  };
}

export type ApiGroupService = ReturnType<typeof createApiGroupService>;
