import { isKeychainError, stateOf } from '../../core/keychain-errors';
import type { KeychainState, SecretStore } from '../../core/ports/secret-store';
import type { MainEvents } from '../main-events';

/**
 * The secret store as the backend uses it, telling the window `keychainState`
 * whenever a call reveals that its state changed: locked, unavailable or slow
 * after a failed call; ready again once a call succeeds after a failure and
 * `state()` confirms it (a locked keyring still answers "no such entry"
 * without being unlocked, so a success alone proves nothing). The same state
 * in other words, from another call, is no change. Nothing polls: the calls
 * the user makes anyway are the probes. The event carries the state and its
 * words, never an argument or a result of a call (those may be secrets).
 */
export function withKeychainEvents(secrets: SecretStore, events: MainEvents): SecretStore {
  // Unknown until a call says: the window asks for the state at start-up itself.
  let known: KeychainState | undefined;
  let closed = false;
  let confirming: Promise<void> | undefined;

  const learn = (state: KeychainState) => {
    if (closed || known?.state === state.state) return;
    const first = known === undefined;
    known = state;
    // A first success says nothing new: only a failure, or a recovery from one, is news.
    if (!(first && state.state === 'ready')) events.emit({ type: 'keychainState', data: state });
  };

  /** A call went through: if the keychain was unreadable, ask whether it really is readable again. */
  const succeeded = () => {
    if (known === undefined) known = { state: 'ready' };
    if (known.state === 'ready' || confirming) return;
    confirming = secrets
      .state()
      .then(learn, () => undefined)
      .finally(() => (confirming = undefined));
  };

  function observed<A extends unknown[], R>(call: (...args: A) => Promise<R>): (...args: A) => Promise<R> {
    return async (...args) => {
      try {
        const result = await call(...args);
        succeeded();
        return result;
      } catch (error) {
        if (isKeychainError(error)) learn(stateOf(error));
        throw error;
      }
    };
  }

  return {
    get: observed((account: string) => secrets.get(account)),
    has: observed((account: string) => secrets.has(account)),
    set: observed((account: string, secret: string) => secrets.set(account, secret)),
    delete: observed((account: string) => secrets.delete(account)),
    accounts: observed(() => secrets.accounts()),
    // It answers with the state instead of failing: that is the word itself.
    state: async () => {
      const state = await secrets.state();
      learn(state);
      return state;
    },
    close: () => {
      closed = true; // a closed store fails every call: that is shutting down, not news
      return secrets.close();
    },
  };
}
