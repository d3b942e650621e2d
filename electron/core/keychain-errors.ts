import { errorReasons, type ErrorReason } from '../shared/error-reasons';
import { AppError, type ErrorDetails } from '../shared/errors';
import { keychainStateOf } from '../shared/keychain-state';
import type { ReportedKeychainState } from './ports/secret-store';

/** The reasons a keychain library failure can be; each one's code is in the registry. */
type FailureReason = Extract<
  ErrorReason,
  | 'keychainModuleMissing'
  | 'keychainNoSession'
  | 'keychainNoSecretService'
  | 'keychainNoCollection'
  | 'keychainInteractionNotAllowed'
  | 'keychainPromptDismissed'
  | 'keychainLocked'
  | 'keychainSecretTooLarge'
  | 'keychainTimeout'
  | 'keychainHelperStopped'
>;

/** How to unlock the keychain, per platform. */
export function unlockFix(platform: NodeJS.Platform): string {
  switch (platform) {
    case 'darwin':
      return 'Unlock the login keychain in Keychain Access (or unlock your Mac), then try again.';
    case 'win32':
      return 'Sign in to Windows again so Credential Manager opens your vault, then try again.';
    default:
      return 'Unlock your keyring: open "Passwords and Keys" (Seahorse) and unlock the Login keyring, or log out and in again; then try again.';
  }
}

/** Known ways the keychain fails, each with its cause and fix in words. First match wins. */
const knownFailures: Array<{ pattern: RegExp; cause: string; fix: (platform: NodeJS.Platform) => string; reason: FailureReason }> = [
  {
    pattern: /Cannot find (module|package)|ERR_MODULE_NOT_FOUND|Failed to load url|NODE_MODULE_VERSION|was compiled against|libsecret-1\.so|dlopen|keytar\.node/i,
    cause: 'Gatekey could not load its keychain module',
    fix: (platform) => (platform === 'linux' ? 'Install libsecret-1-0 (sudo apt install libsecret-1-0), then reinstall Gatekey.' : 'Reinstall Gatekey.'),
    reason: 'keychainModuleMissing',
  },
  {
    pattern: /Cannot autolaunch D-Bus|DBUS_SESSION_BUS_ADDRESS|Could not connect: (No such file|connect E(NOENT|CONNREFUSED))|Failed to connect to socket|dbus-launch/i,
    cause: 'There is no D-Bus session, so no keychain can be reached',
    fix: () => 'Start Gatekey from your desktop session (not over SSH or from a bare terminal), or run it inside dbus-run-session.',
    reason: 'keychainNoSession',
  },
  {
    pattern: /org\.freedesktop\.secrets|ServiceUnknown|NameHasNoOwner|not provided by any \.service files/i,
    cause: 'No Secret Service (GNOME Keyring, KWallet) is running: the keyring daemon stopped or was never started',
    fix: () => 'Install and start a Secret Service: sudo apt install gnome-keyring, then log out and in again.',
    reason: 'keychainNoSecretService',
  },
  {
    pattern: /No such secret collection|collection.*(not found|does not exist)|Object does not exist at path.*collection/i,
    cause: 'Your keyring has no default collection to keep secrets in',
    fix: () => 'Open "Passwords and Keys" (Seahorse), create a keyring and set it as default, then try again.',
    reason: 'keychainNoCollection',
  },
  {
    pattern: /User interaction is not allowed|errSecInteractionNotAllowed|-25308/i,
    cause: 'macOS did not let Gatekey ask for the login keychain (the screen may be locked)',
    fix: () => 'Unlock your Mac and the login keychain in Keychain Access, then try again.',
    reason: 'keychainInteractionNotAllowed',
  },
  {
    pattern: /prompt.*(dismissed|cancel)|dismissed|cancell?ed by (the )?user|user cancel/i,
    cause: 'The keychain prompt was dismissed, so the keychain stays locked',
    fix: () => 'Try again and allow Gatekey when your keychain asks.',
    // Dismissing the unlock prompt leaves the secrets unreadable, exactly like a locked keychain (its code is KEYCHAIN_LOCKED).
    reason: 'keychainPromptDismissed',
  },
  {
    pattern: /locked|errSecAuthFailed|-25293/i,
    cause: 'The OS keychain is locked',
    fix: unlockFix,
    reason: 'keychainLocked',
  },
  {
    pattern: /stub received bad data|too (large|long)|CRED_MAX|1783/i,
    cause: 'The secret is too large for Windows Credential Manager',
    fix: () => 'Secrets Gatekey makes are 32 characters; this one came from elsewhere and cannot be stored.',
    reason: 'keychainSecretTooLarge',
  },
  {
    pattern: /did not answer within/i,
    cause: 'The OS keychain did not answer in time (a password prompt may be waiting behind another window)',
    fix: () => 'Look for a keychain prompt and answer it, then try again.',
    reason: 'keychainTimeout',
  },
  {
    pattern: /keychain helper stopped/i,
    cause: "Gatekey's keychain helper process ended unexpectedly; a new one starts with the next try",
    fix: (platform) => `Try again. If it keeps happening: ${keychainFix(platform)}`,
    reason: 'keychainHelperStopped',
  },
];

/** The fix to suggest when the keychain cannot be used and the cause is unknown, per platform. */
export function keychainFix(platform: NodeJS.Platform): string {
  switch (platform) {
    case 'darwin':
      return 'Unlock the login keychain in Keychain Access, then try again.';
    case 'win32':
      return 'Check that Windows Credential Manager is running for your user, then try again.';
    default:
      return 'Install libsecret (libsecret-1-0) and run a Secret Service such as GNOME Keyring or KWallet, unlock it, then try again.';
  }
}

/**
 * Turns a keychain library failure into KEYCHAIN_LOCKED, KEYCHAIN_TIMEOUT or
 * KEYCHAIN_UNAVAILABLE, with a message that names cause and fix.
 */
export function keychainError(cause: unknown, platform: NodeJS.Platform = process.platform): AppError {
  if (cause instanceof AppError) return cause;
  // The library's own words, quoted in the message and passed as `detail` (never translated).
  const detail = (cause instanceof Error ? cause.message : String(cause)).trim() || 'no reason given';
  const known = knownFailures.find(({ pattern }) => pattern.test(detail));
  const what = known ? known.cause : 'The OS keychain is not available';
  const message = `${what} (${detail}). ${known ? known.fix(platform) : keychainFix(platform)}`;
  if (!known) return new AppError('KEYCHAIN_UNAVAILABLE', message, { reason: 'keychainUnavailable', params: { detail, platform } });
  // Gatekey's own deadline is in its detail ("did not answer within 10 s"): a translation needs the number.
  const seconds = known.reason === 'keychainTimeout' ? /within (\d+) s/.exec(detail)?.[1] : undefined;
  return new AppError(errorReasons[known.reason].code, message, { reason: known.reason, params: { detail, platform, ...(seconds ? { seconds: Number(seconds) } : {}) } });
}

/** What was found locked: the default keyring, the one holding an entry, or some of Gatekey's entries. */
export type LockedWhere = 'defaultKeyring' | 'entryKeyring' | { lockedEntries: number };

/** A keychain found locked before any call was made (Linux asks the Secret Service first). */
export function keychainLocked(where: LockedWhere, platform: NodeJS.Platform = process.platform): AppError {
  const said = (what: string) => `The OS keychain is locked (${what}), so Gatekey cannot read or change its APISecrets; nothing was changed. ${unlockFix(platform)}`;
  if (where === 'defaultKeyring') return new AppError('KEYCHAIN_LOCKED', said('the default keyring'), { reason: 'keychainDefaultLocked', params: { platform } });
  if (where === 'entryKeyring') return new AppError('KEYCHAIN_LOCKED', said('the keyring holding this entry'), { reason: 'keychainEntryLocked', params: { platform } });
  const count = where.lockedEntries;
  return new AppError('KEYCHAIN_LOCKED', said(`${count} of Gatekey's entries are in a locked keyring`), { reason: 'keychainEntriesLocked', params: { count, platform } });
}

/** Whether an error is one of the keychain's own (so a secret's presence is unknown). */
export function isKeychainError(error: unknown): error is AppError {
  return error instanceof AppError && (error.code === 'KEYCHAIN_LOCKED' || error.code === 'KEYCHAIN_TIMEOUT' || error.code === 'KEYCHAIN_UNAVAILABLE');
}

type UnreadableState = Exclude<ReportedKeychainState, { state: 'ready' }>;

/** The keychain state a keychain error implies, with the error's reason so it can be raised again unchanged. */
export function stateOf(error: AppError): UnreadableState {
  // Callers ask only of keychain errors (isKeychainError); anything else reads as an unavailable keychain.
  return keychainStateOf(error) ?? { state: 'unavailable', message: error.message, reason: error.reason, params: error.params };
}

/** The error a reported state stands for: the very one it was learnt from. */
export function errorOfState(state: UnreadableState): AppError {
  const code = state.state === 'locked' ? 'KEYCHAIN_LOCKED' : state.state === 'timeout' ? 'KEYCHAIN_TIMEOUT' : 'KEYCHAIN_UNAVAILABLE';
  // The reason and params were checked against the registry when the original error was made.
  return new AppError(code, state.message, { reason: state.reason, params: state.params } as ErrorDetails);
}
