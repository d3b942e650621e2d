import { AppError } from '../core/errors';

/** Known ways the keychain fails, each with its cause and fix in words. First match wins. */
const knownFailures: Array<{ pattern: RegExp; cause: string; fix: (platform: NodeJS.Platform) => string }> = [
  {
    pattern: /Cannot find (module|package)|ERR_MODULE_NOT_FOUND|Failed to load url|NODE_MODULE_VERSION|was compiled against|libsecret-1\.so|dlopen|keytar\.node/i,
    cause: 'Gatekey could not load its keychain module',
    fix: (platform) => (platform === 'linux' ? 'Install libsecret-1-0 (sudo apt install libsecret-1-0), then reinstall Gatekey.' : 'Reinstall Gatekey.'),
  },
  {
    pattern: /Cannot autolaunch D-Bus|DBUS_SESSION_BUS_ADDRESS|Could not connect: No such file|Failed to connect to socket|dbus-launch/i,
    cause: 'There is no D-Bus session, so no keychain can be reached',
    fix: () => 'Start Gatekey from your desktop session (not over SSH or from a bare terminal), or run it inside dbus-run-session.',
  },
  {
    pattern: /org\.freedesktop\.secrets|ServiceUnknown|not provided by any \.service files/i,
    cause: 'No Secret Service (GNOME Keyring, KWallet) is running',
    fix: () => 'Install and start a Secret Service: sudo apt install gnome-keyring, then log out and in again.',
  },
  {
    pattern: /No such secret collection|collection.*(not found|does not exist)|Object does not exist at path.*collection/i,
    cause: 'Your keyring has no default collection to keep secrets in',
    fix: () => 'Open "Passwords and Keys" (Seahorse), create a keyring and set it as default, then try again.',
  },
  {
    pattern: /User interaction is not allowed|errSecInteractionNotAllowed|-25308/i,
    cause: 'macOS did not let Gatekey ask for the login keychain (the screen may be locked)',
    fix: () => 'Unlock your Mac and the login keychain in Keychain Access, then try again.',
  },
  {
    pattern: /prompt.*(dismissed|cancel)|dismissed|cancell?ed by (the )?user|user cancel/i,
    cause: 'The keychain prompt was dismissed',
    fix: () => 'Try again and allow Gatekey when your keychain asks.',
  },
  {
    pattern: /locked/i,
    cause: 'The OS keychain is locked',
    fix: (platform) => (platform === 'darwin' ? 'Unlock the login keychain in Keychain Access, then try again.' : 'Unlock your keyring (log in again, or open "Passwords and Keys"), then try again.'),
  },
  {
    pattern: /stub received bad data|too (large|long)|CRED_MAX|1783/i,
    cause: 'The secret is too large for Windows Credential Manager',
    fix: () => 'Secrets Gatekey makes are 32 characters; this one came from elsewhere and cannot be stored.',
  },
  {
    pattern: /did not answer within/i,
    cause: 'The OS keychain did not answer in time (a password prompt may be waiting behind another window)',
    fix: () => 'Look for a keychain prompt and answer it, then try again.',
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

/** Turns a keychain library failure into a message that names cause and fix. */
export function keychainUnavailable(cause: unknown, platform: NodeJS.Platform = process.platform): AppError {
  if (cause instanceof AppError) return cause;
  const reason = (cause instanceof Error ? cause.message : String(cause)).trim() || 'no reason given';
  const known = knownFailures.find(({ pattern }) => pattern.test(reason));
  const what = known ? known.cause : 'The OS keychain is not available';
  return new AppError('KEYCHAIN_UNAVAILABLE', `${what} (${reason}). ${known ? known.fix(platform) : keychainFix(platform)}`);
}
