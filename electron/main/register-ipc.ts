import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import { channelOf, EVENT_CHANNEL, methods, type Method } from '../ipc/contract';
import type { MainEvents } from '../ipc/main-events';
import type { Dispatch } from '../ipc/dispatch';
import type { Result } from '../ipc/result';
import { isAppPage } from './trusted-sender';

export interface IpcGate {
  isTrusted: (event: IpcMainInvokeEvent) => boolean;
  dispatch: Dispatch;
}

/**
 * The reply to one IPC call: the backend's Result for the app window, a
 * FORBIDDEN_SENDER failure for anything else. Never throws.
 */
export async function handleIpc(event: IpcMainInvokeEvent, method: Method, payload: unknown, gate: IpcGate): Promise<Result<unknown>> {
  if (!isTrustedSafely(gate, event)) {
    // Never log the payload: it may hold secrets.
    console.warn(`Gatekey: refused ${method} from an untrusted sender`);
    return { ok: false, error: { code: 'FORBIDDEN_SENDER', message: 'This request did not come from the Gatekey window and was refused.', reason: 'forbiddenSender', params: {} } };
  }
  return gate.dispatch(method, payload);
}

/** A check that throws counts as a refusal. */
function isTrustedSafely(gate: IpcGate, event: IpcMainInvokeEvent): boolean {
  try {
    return gate.isTrusted(event);
  } catch {
    return false;
  }
}

/** One handler per contract method, each on its own channel. Call once per app run. */
export function registerIpc(ipc: Pick<IpcMain, 'handle'>, gate: IpcGate): void {
  for (const method of methods) {
    ipc.handle(channelOf(method), (event, payload: unknown) => handleIpc(event, method, payload, gate));
  }
}

/** The parts of the app window's WebContents that forwarding reads. */
export type EventReceiver = Pick<WebContents, 'send' | 'isDestroyed'> & { mainFrame: { url: string } };

/**
 * Sends every backend event to the app window, and only while it shows
 * Gatekey's own page: a window navigated elsewhere must not learn what changed.
 */
export function forwardEvents(events: MainEvents, appWindow: () => EventReceiver | undefined): () => void {
  return events.subscribe((event) => {
    const target = appWindow();
    // isDestroyed first: reading mainFrame of a destroyed WebContents throws.
    if (target && !target.isDestroyed() && isAppPage(target.mainFrame.url)) target.send(EVENT_CHANNEL, event);
  });
}
