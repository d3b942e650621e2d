import { channelTable, EVENT_CHANNEL, methods, channelOf } from './contract';

/** What the preload needs to build `window.api`, written into its bundle at build time (the preload cannot load zod). */
export interface BridgeTable {
  prefix: string;
  eventChannel: string;
  channels: Record<string, readonly string[]>;
}

const prefix = channelOf(methods[0]!).slice(0, -methods[0]!.length);

export const bridgeTable: BridgeTable = { prefix, eventChannel: EVENT_CHANNEL, channels: channelTable };
