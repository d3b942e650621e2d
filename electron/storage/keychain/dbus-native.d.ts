// The two wire-level modules of @homebridge/dbus-native that Gatekey uses. Its
// index (and lib/bus) would also pull in introspection (xml2js) and optional
// native modules that a bundle cannot carry.

declare module '@homebridge/dbus-native/lib/handshake' {
  import type { Duplex } from 'node:stream';
  /** SASL authentication on a fresh connection (EXTERNAL, then cookie, then anonymous). */
  export default function handshake(stream: Duplex, options: Record<string, never>, done: (error: Error | null, guid?: string) => void): void;
}

declare module '@homebridge/dbus-native/lib/message' {
  import type { Duplex } from 'node:stream';
  export interface WireMessage {
    type?: number;
    serial: number;
    replySerial?: number;
    destination?: string;
    path?: string;
    interface?: string;
    member?: string;
    errorName?: string;
    signature?: string;
    body?: unknown[];
  }
  export function marshall(message: WireMessage): Buffer;
  export function unmarshalMessages(stream: Duplex, onMessage: (message: WireMessage) => void, options: Record<string, never>): void;
}
