import { createConnection } from 'node:net';
import handshake from '@homebridge/dbus-native/lib/handshake';
import { marshall, unmarshalMessages, type WireMessage } from '@homebridge/dbus-native/lib/message';

/**
 * A minimal D-Bus client for method calls on the session bus, over
 * @homebridge/dbus-native's wire format. Pure JavaScript, so it cannot crash
 * the process the way libsecret does on a locked collection.
 */

export interface DbusCall {
  destination: string;
  path: string;
  interface: string;
  member: string;
  signature?: string;
  body?: unknown[];
}

/** A D-Bus error reply, with its name (e.g. org.freedesktop.DBus.Error.ServiceUnknown). */
export class DbusError extends Error {
  override name = 'DbusError';
  constructor(
    readonly dbusName: string,
    message: string,
  ) {
    super(`${dbusName}: ${message}`);
  }
}

const METHOD_CALL = 1;
const METHOD_RETURN = 2;
const ERROR = 3;

/** The socket of a session bus address ("unix:path=…" or "unix:abstract=…", first usable one wins). */
export function socketOf(address: string | undefined): string {
  if (!address) throw new Error('Could not connect: DBUS_SESSION_BUS_ADDRESS is not set');
  for (const entry of address.split(';')) {
    const [transport, params = ''] = entry.split(/:(.*)/s);
    if (transport !== 'unix') continue;
    const values = new Map(params.split(',').map((pair) => pair.split(/=(.*)/s) as [string, string]));
    const path = values.get('path') ?? values.get('socket');
    if (path) return decodeURIComponent(path);
    const abstract = values.get('abstract');
    if (abstract) return `\0${decodeURIComponent(abstract)}`;
  }
  throw new Error(`Could not connect: no unix socket in the session bus address ${address}`);
}

export interface DbusSession {
  call(message: DbusCall): Promise<unknown[]>;
  close(): void;
}

/** One connection; every call fails once it is lost (open a new session then). */
export function openDbusSession(address: string | undefined): DbusSession {
  const socket = createConnection(socketOf(address));
  const waiting = new Map<number, { resolve(values: unknown[]): void; reject(error: Error): void }>();
  let serial = 1;
  let lost: Error | undefined;
  const fail = (error: Error) => {
    lost ??= /ENOENT|ECONNREFUSED|EACCES/.test(error.message) ? new Error(`Could not connect: ${error.message}`) : error;
    for (const waiter of waiting.values()) waiter.reject(lost);
    waiting.clear();
    socket.destroy();
  };
  socket.on('error', fail);
  socket.on('close', () => fail(new Error('The D-Bus session closed the connection')));

  function send(message: DbusCall): Promise<unknown[]> {
    return new Promise((resolve, reject) => {
      if (lost) return reject(lost);
      const id = serial++;
      waiting.set(id, { resolve, reject });
      socket.write(marshall({ ...message, type: METHOD_CALL, serial: id }));
    });
  }

  // Authenticate, then say Hello: the bus admits no other call before it.
  const ready = new Promise<void>((resolve, reject) => {
    socket.once('connect', () =>
      handshake(socket, {}, (error) => {
        if (error) return fail(error);
        unmarshalMessages(socket, receive, {});
        send({ destination: 'org.freedesktop.DBus', path: '/org/freedesktop/DBus', interface: 'org.freedesktop.DBus', member: 'Hello' }).then(() => resolve(), reject);
      }),
    );
    socket.once('close', () => reject(lost));
  });
  ready.catch(() => undefined);

  function receive(message: WireMessage): void {
    if (message.type !== METHOD_RETURN && message.type !== ERROR) return;
    const waiter = message.replySerial === undefined ? undefined : waiting.get(message.replySerial);
    if (!waiter) return;
    waiting.delete(message.replySerial!);
    const body = message.body ?? [];
    if (message.type === METHOD_RETURN) waiter.resolve(body);
    else waiter.reject(new DbusError(message.errorName ?? 'org.freedesktop.DBus.Error.Failed', typeof body[0] === 'string' ? body[0] : ''));
  }

  return {
    call: async (message) => {
      await ready;
      return send(message);
    },
    close: () => fail(new Error('The D-Bus session was closed')),
  };
}
