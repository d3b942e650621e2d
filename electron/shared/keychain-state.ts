import type { ErrorReason, MessageParams } from './errors';

/** A keychain that cannot be read: `message` names the cause and the fix; `reason` and `params` say which message it is (see error-reasons). */
type Unreadable<S extends string> = { state: S; message: string; reason?: ErrorReason; params?: MessageParams };

/** What Gatekey knows of the keychain without reading any secret. */
export type KeychainState = { state: 'ready' } | Unreadable<'locked'> | Unreadable<'unavailable'> | Unreadable<'timeout'>;

/** Every state but `ready`: the keychain cannot be read, so no APISecret can be called missing. */
export type UnreadableKeychainState = Exclude<KeychainState, { state: 'ready' }>;

const STATE_OF_CODE: Readonly<Record<string, UnreadableKeychainState['state']>> = {
  KEYCHAIN_LOCKED: 'locked',
  KEYCHAIN_TIMEOUT: 'timeout',
  KEYCHAIN_UNAVAILABLE: 'unavailable',
};

/** What keychainStateOf reads of an error: main's AppError and the window's IpcError both fit. */
interface ErrorWords {
  code: string;
  message: string;
  reason?: ErrorReason;
  params?: MessageParams;
}

/**
 * The keychain state a failed keychain call reveals, keeping the error's
 * message, reason and params (so main can raise it again unchanged and the
 * window can word it); null when the error says nothing about the keychain.
 */
export function keychainStateOf<E extends ErrorWords>(error: E): { state: UnreadableKeychainState['state']; message: string; reason: E['reason']; params: E['params'] } | null {
  const state = Object.hasOwn(STATE_OF_CODE, error.code) ? STATE_OF_CODE[error.code] : undefined;
  return state ? { state, message: error.message, reason: error.reason, params: error.params } : null;
}
