import type { ErrorCode } from '../../electron/shared/errors';
import type { AccessKeyFieldsText } from '../../electron/shared/access-keys/rules';
import { channelTable, type GatekeyApi, type MainEvent } from '../../electron/ipc/contract';
import type { IpcError, Result } from '../../electron/ipc/result';
import type {} from './global';

/**
 * The only module that touches `window.api`. Screens and the store call the
 * generated client's named functions; each resolves to a Result and never throws.
 */

export type { IpcError, Result };
/** An access key's fields as the forms hold them. */
export type AccessKeyInput = AccessKeyFieldsText;

/** The bridge itself failed (no preload, IPC torn down): main never answered. */
function unreachable(error: unknown): Result<never> {
  const reason = error instanceof Error ? error.message : String(error);
  return { ok: false, error: { code: 'INTERNAL', message: `Gatekey could not reach its background process (${reason}). Restart the app.` } };
}

type Client = Omit<GatekeyApi, 'events'>;

/**
 * The renderer's client, generated from the contract: `client.accessKeys.create(input)`
 * calls the bridge's function of the same name and resolves to a Result; it never throws.
 */
export const client = Object.fromEntries(
  Object.entries(channelTable).map(([namespace, names]) => [
    namespace,
    Object.fromEntries(
      names.map((name) => [
        name,
        async (input: unknown) => {
          try {
            const feature = window.api[namespace as keyof Client] as unknown as Record<string, (input: unknown) => Promise<Result<unknown>>>;
            return await feature[name]!(input);
          } catch (error) {
            return unreachable(error);
          }
        },
      ]),
    ),
  ]),
) as unknown as Client;

/** Every event main sends; returns the unsubscribe. A window without the bridge gets none. */
export function subscribeToMain(listener: (event: MainEvent) => void): () => void {
  try {
    return window.api.events.subscribe(listener);
  } catch {
    return () => undefined;
  }
}

// --- Error words ---

const titles: Record<ErrorCode, string> = {
  INVALID_INPUT: 'Please check the entered values',
  // Neutral: access keys, API groups and authorizations all use it; main's message names which.
  NOT_FOUND: 'It no longer exists',
  NAME_TAKEN: 'This name is already in use',
  ALREADY_EXISTS: 'This already exists',
  KEYCHAIN_UNAVAILABLE: 'The OS keychain is not available',
  KEYCHAIN_LOCKED: 'The OS keychain is locked',
  KEYCHAIN_TIMEOUT: 'The OS keychain did not answer in time',
  SECRET_MISSING: 'The APISecret is missing from the OS keychain',
  REQUEST_FAILED: 'The request got no answer',
  STORE_UNREADABLE: 'Gatekey cannot read its data file',
  STORE_WRITE_FAILED: 'Gatekey could not save your change',
  STORE_READ_ONLY: 'Gatekey opened its data read-only',
  FILE_WRITE_FAILED: 'The file could not be written',
  STORE_CONFLICT: 'The data file was changed elsewhere',
  FORBIDDEN_SENDER: 'The request was refused',
  GATEWAY_AUTH_FAILED: 'JD Cloud refused the account',
  GATEWAY_FAILED: 'JD Cloud API Gateway did not do it',
  RATE_LIMITED: 'Too many requests in a short time',
  NOT_CONFIRMED: 'Cancelled',
  INTERNAL: 'Something went wrong',
};

const fallbacks: Record<ErrorCode, string> = {
  INVALID_INPUT: 'Some values are not valid.',
  NOT_FOUND: 'It may have been deleted in another window.',
  NAME_TAKEN: 'Choose another name.',
  ALREADY_EXISTS: 'Open the existing one instead.',
  KEYCHAIN_UNAVAILABLE: 'Unlock or start your OS keychain, then try again.',
  KEYCHAIN_LOCKED: 'Unlock your OS keychain, then try again. Nothing was changed.',
  KEYCHAIN_TIMEOUT: 'Look for a keychain prompt and answer it, then try again.',
  SECRET_MISSING: 'Re-enter the APISecret in Health if you still have it, or delete this access key and create a new one.',
  REQUEST_FAILED: 'Check the URL and that the service is reachable.',
  STORE_UNREADABLE: 'The data file was left untouched.',
  STORE_WRITE_FAILED: 'Nothing was changed. Check that the data folder is writable and the disk is not full.',
  STORE_READ_ONLY: 'Another Gatekey is using this data folder. Close it and restart.',
  FILE_WRITE_FAILED: 'Choose another folder and try again.',
  STORE_CONFLICT: 'Reload the file or keep your version first.',
  FORBIDDEN_SENDER: 'Only Gatekey’s own window may make this request.',
  GATEWAY_AUTH_FAILED: 'Check the AccessKey ID and SecretKey, that this computer’s clock is right, and that the account may use API Gateway; then connect again.',
  GATEWAY_FAILED: 'Try again in a moment; if it keeps failing, give JD Cloud support the requestId.',
  RATE_LIMITED: 'Wait a minute, then try again.',
  NOT_CONFIRMED: 'Nothing was changed.',
  INTERNAL: 'Please try again; if it keeps happening, restart the app.',
};

/** A short heading for the error, in the user's words. */
export const errorTitle = (error: IpcError): string => titles[error.code] ?? titles.INTERNAL;

/** The full explanation: main writes readable messages naming cause and fix; fall back to ours. */
export const errorMessage = (error: IpcError): string =>
  error.message.trim() || (fallbacks[error.code] ?? fallbacks.INTERNAL);
