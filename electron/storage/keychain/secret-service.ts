import { openDbusSession, type DbusCall, type DbusSession } from './dbus-session';

/**
 * What the Linux Secret Service (org.freedesktop.secrets) says about locks and
 * entries, asked over D-Bus without libsecret: reads no secret, cannot crash.
 */
export interface SecretService {
  /** The unique bus name of the running Secret Service (changes when the keyring daemon restarts). */
  owner(): Promise<string>;
  /** The collection new entries go to, or null when there is none. */
  defaultCollection(): Promise<{ path: string; locked: boolean } | null>;
  /** Items matching every attribute, split the way the service reports them. */
  search(attributes: Record<string, string>): Promise<{ unlocked: string[]; locked: string[] }>;
  /** One attribute of an unlocked item. */
  attribute(item: string, name: string): Promise<string | undefined>;
  /** Drops the bus connection; the next call opens a new one. */
  close(): void;
  /** Drops the bus connection for good: later calls fail instead of opening another. */
  end(): void;
}

const SECRETS = 'org.freedesktop.secrets';
const service = (member: string, signature: string, body: unknown[]): DbusCall => ({ destination: SECRETS, path: '/org/freedesktop/secrets', interface: 'org.freedesktop.Secret.Service', member, signature, body });
const property = (path: string, iface: string, name: string): DbusCall => ({ destination: SECRETS, path, interface: 'org.freedesktop.DBus.Properties', member: 'Get', signature: 'ss', body: [iface, name] });
// dbus-native hands a variant over as [signature, [value]].
const variantValue = (variant: unknown): unknown => (Array.isArray(variant) && Array.isArray(variant[1]) ? variant[1][0] : undefined);
const strings = (value: unknown): string[] => (Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : []);

export function secretService(busAddress: () => string | undefined): SecretService {
  let session: DbusSession | undefined;
  let ended = false;
  async function call(message: DbusCall): Promise<unknown[]> {
    if (ended) throw new Error("Gatekey's keychain connection was closed");
    session ??= openDbusSession(busAddress());
    const current = session;
    try {
      return await current.call(message);
    } catch (error) {
      // A lost connection is not retried here; the next call reconnects.
      if (!(error instanceof Error && error.name === 'DbusError') && session === current) {
        session = undefined;
        current.close();
      }
      throw error;
    }
  }
  return {
    async owner() {
      const [name] = await call({ destination: 'org.freedesktop.DBus', path: '/org/freedesktop/DBus', interface: 'org.freedesktop.DBus', member: 'GetNameOwner', signature: 's', body: [SECRETS] });
      return String(name);
    },
    async defaultCollection() {
      const [path] = await call(service('ReadAlias', 's', ['default']));
      if (typeof path !== 'string' || path === '/') return null;
      const [locked] = await call(property(path, 'org.freedesktop.Secret.Collection', 'Locked'));
      return { path, locked: variantValue(locked) === true };
    },
    async search(attributes) {
      const [unlocked, locked] = await call(service('SearchItems', 'a{ss}', [Object.entries(attributes)]));
      return { unlocked: strings(unlocked), locked: strings(locked) };
    },
    async attribute(item, name) {
      const [attributes] = await call(property(item, 'org.freedesktop.Secret.Item', 'Attributes'));
      const pairs = variantValue(attributes);
      const pair = Array.isArray(pairs) ? pairs.find((entry): entry is [string, string] => Array.isArray(entry) && entry[0] === name) : undefined;
      return pair?.[1];
    },
    close() {
      session?.close();
      session = undefined;
    },
    end() {
      ended = true;
      this.close();
    },
  };
}
