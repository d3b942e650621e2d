import type { ErrorReason, MessageParams } from './errors';

/** A keychain that cannot be read: `message` names the cause and the fix; `reason` and `params` say which message it is (see error-reasons). */
type Unreadable<S extends string> = { state: S; message: string; reason?: ErrorReason; params?: MessageParams };

/** What Gatekey knows of the keychain without reading any secret. */
export type KeychainState = { state: 'ready' } | Unreadable<'locked'> | Unreadable<'unavailable'> | Unreadable<'timeout'>;
