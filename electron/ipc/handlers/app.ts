import type { MetadataStore } from '../../storage/metadata-store';
import type { Handlers } from '../dispatch';

export function appHandlers(store: MetadataStore, version: string): Pick<Handlers, 'getAppStatus'> {
  return {
    getAppStatus: () => ({ store: store.status, platform: process.platform, version }),
  };
}
