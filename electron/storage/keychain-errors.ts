import { AppError } from '../core/errors';

/** The fix to suggest when the keychain cannot be used, per platform. */
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
  const reason = cause instanceof Error ? cause.message : String(cause);
  const locked = /locked|prompt|dismissed|cancel/i.test(reason);
  const what = locked ? 'The OS keychain is locked' : 'The OS keychain is not available';
  return new AppError('KEYCHAIN_UNAVAILABLE', `${what} (${reason.trim() || 'no reason given'}). ${keychainFix(platform)}`);
}
