import type { ConfirmGate, UserPresence } from '../../core/window-guards/confirmation';
import type { RecordStore } from '../../core/ports/record-store';
import type { FlatHandlers } from '../dispatch';
import { requireConfirmation } from './ask';

type JdcloudGuarded = 'jdcloud.connect' | 'jdcloud.disconnect' | 'jdcloud.apply' | 'jdcloud.createKey';

export interface JdcloudGuardDeps {
  store: RecordStore;
  presence: Pick<UserPresence, 'consumeUserActivation'>;
  gate: ConfirmGate;
}

/**
 * The JD Cloud channels that replace or delete a keychain entry, or change a
 * remote system, wait for the person at the keyboard, as the access keys' and
 * test calls' do:
 * - connect over an account already connected replaces its SecretKey in the
 *   keychain (and may point every later signed request at another endpoint):
 *   a yes in main's own dialog, naming both accounts;
 * - disconnect deletes the SecretKey's keychain entry: a yes in main's dialog;
 * - apply changes the gateway's authorizations for real, and createKey makes a
 *   key in the account (one a script could repeat up to the account's quota):
 *   each uses up one real click or key press, and without one asks in main's dialog.
 * A first connect writes a new entry only, like creating an access key: no question.
 */
export function guardJdcloud(handlers: Pick<FlatHandlers, JdcloudGuarded>, { store, presence, gate }: JdcloudGuardDeps): Pick<FlatHandlers, JdcloudGuarded> {
  const account = () => {
    try {
      return store.read().jdcloud.account;
    } catch {
      return null;
    }
  };
  return {
    'jdcloud.connect': async (input) => {
      const current = account();
      if (current) {
        await requireConfirmation(gate, {
          message: 'Replace the connected JD Cloud account?',
          detail: `Connected now: AccessKey ID ${current.accessKeyId} at ${current.endpoint}.\nNew: AccessKey ID ${input.accessKeyId} at ${input.endpoint}, regions ${input.regions.join(', ')}.\n\nThe SecretKey you entered is written to the OS keychain; plans and applies then go to the new account.`,
          confirmLabel: 'Replace',
        });
      }
      return handlers['jdcloud.connect'](input);
    },
    'jdcloud.disconnect': async (input) => {
      const current = account();
      if (current) {
        await requireConfirmation(gate, {
          message: `Disconnect the JD Cloud account ${current.accessKeyId}?`,
          detail: `Its SecretKey is deleted from the OS keychain. Links between Gatekey's records and JD Cloud stay; nothing changes in JD Cloud.`,
          confirmLabel: 'Disconnect',
        });
      }
      return handlers['jdcloud.disconnect'](input);
    },
    'jdcloud.apply': async (input) => {
      if (!presence.consumeUserActivation()) {
        const current = account();
        await requireConfirmation(gate, {
          message: 'Apply changes to JD Cloud API Gateway that you did not start?',
          detail: `${input.itemIds.length} ${input.itemIds.length === 1 ? 'change' : 'changes'} to the access authorizations of ${current ? `the account ${current.accessKeyId} at ${current.endpoint}` : 'the connected account'}.\n\nGatekey saw no click or key press in its window just before this request. If you did not just press Apply, choose Cancel.`,
          confirmLabel: 'Apply',
        });
      }
      return handlers['jdcloud.apply'](input);
    },
    'jdcloud.createKey': async (input) => {
      if (!presence.consumeUserActivation()) {
        const current = account();
        await requireConfirmation(gate, {
          message: 'Create a key in JD Cloud that you did not ask for?',
          detail: `A signature key named "${input.name}" in ${input.region} of ${current ? `the account ${current.accessKeyId}` : 'the connected account'}. JD Cloud's API cannot delete keys: only its console can.\n\nGatekey saw no click or key press in its window just before this request. If you did not just press Create in JD Cloud, choose Cancel.`,
          confirmLabel: 'Create',
        });
      }
      return handlers['jdcloud.createKey'](input);
    },
  };
}
