import type { GatekeyApi } from '../../electron/ipc/contract';

declare global {
  interface Window {
    /** The preload bridge. Only `api.ts` may touch it. */
    api: GatekeyApi;
  }
}
