import type { MetadataStore } from '../../storage/metadata-store';
import type { Handlers } from '../dispatch';

export function storeHandlers(store: MetadataStore): Handlers['store'] {
  return {
    restoreBackup: () => store.restoreNewestBackup(),
    resolveConflict: async ({ choice }) => ({ resolved: true, ...(await store.resolveConflict(choice)) }),
    saveNow: async () => ({ saved: await store.flush() }),
  };
}
