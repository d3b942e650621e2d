import type { JdcloudService } from '../../core/jdcloud/service';
import type { Handlers } from '../dispatch';

/** JD Cloud API Gateway: the account, pull, plan and apply (progress goes out through the service's onProgress). */
export function jdcloudHandlers(jdcloud: JdcloudService): Handlers['jdcloud'] {
  return {
    getAccount: () => jdcloud.getAccount(),
    connect: (input) => jdcloud.connect(input),
    disconnect: async () => {
      await jdcloud.disconnect();
      return { disconnected: true };
    },
    checkConnection: () => jdcloud.checkConnection(),
    pull: (options) => jdcloud.pull(options),
    plan: () => jdcloud.plan(),
    apply: ({ itemIds }) => jdcloud.apply(itemIds),
    cancelApply: () => jdcloud.cancelApply(),
    lastApply: () => jdcloud.lastApply(),
    createKey: ({ name, description, region }) => jdcloud.createKey({ name, description, region }),
  };
}
