import type { KeychainState, UnreadableKeychainState as UnreadableKeychain } from '../../electron/shared/keychain-state';

export type { KeychainState, UnreadableKeychain };
/** The keychain state a failed keychain call reveals (one rule with main's). */
export { keychainStateOf } from '../../electron/shared/keychain-state';

export const isUnreadable = (keychain: KeychainState | null | undefined): keychain is UnreadableKeychain =>
  keychain != null && keychain.state !== 'ready';

const headings: Record<UnreadableKeychain['state'], string> = {
  locked: 'The OS keychain is locked',
  timeout: 'The OS keychain did not answer in time',
  unavailable: 'The OS keychain is not available',
};

// Main words the cause and the fix; these stand in only if its message is empty.
const fallbacks: Record<UnreadableKeychain['state'], string> = {
  locked: 'Unlock your keyring (log in again, or open "Passwords and Keys"), then check again.',
  timeout: 'A keychain password prompt may be waiting behind another window: answer it, then check again.',
  unavailable: 'Start or unlock your OS keychain, then check again.',
};

/** Short words for badges and choices: the secret may well be there, the keychain just cannot say. */
const shortWords: Record<UnreadableKeychain['state'], string> = {
  locked: 'keychain locked',
  timeout: 'keychain not answering',
  unavailable: 'keychain unavailable',
};

export const keychainHeading = (keychain: UnreadableKeychain): string => headings[keychain.state];
export const keychainAdvice = (keychain: UnreadableKeychain): string => keychain.message.trim() || fallbacks[keychain.state];
/** For a key whose status is `unreadable`; without a known state it says so plainly. */
export const unreadableWords = (keychain: KeychainState | null): string => (isUnreadable(keychain) ? shortWords[keychain.state] : 'keychain not readable');
