import { CHANNEL_PREFIX, channelTable, EVENT_CHANNEL } from './contract';

/** What the preload needs to build `window.api`, written into its bundle at build time (the preload cannot load zod). */
export interface BridgeTable {
  prefix: string;
  eventChannel: string;
  channels: Record<string, readonly string[]>;
}

export const bridgeTable: BridgeTable = { prefix: CHANNEL_PREFIX, eventChannel: EVENT_CHANNEL, channels: channelTable };
