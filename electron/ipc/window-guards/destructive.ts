import type { AccessKeyService } from '../../core/access-keys/service';
import type { ConfirmGate } from '../../core/window-guards/confirmation';
import type { FlatHandlers } from '../dispatch';
import { requireConfirmation } from './ask';
import { keyIdentity } from './key-identity';

type DestructiveMethods = 'accessKeys.delete' | 'keychain.deleteOrphan' | 'keychain.restoreSecret' | 'keychain.adoptOrphan';

/**
 * Everything that removes, replaces or takes over a keychain entry waits for
 * a yes in main's native dialog, asked before the keychain is touched. The
 * page's own dialog is only the first step: a script in a compromised page
 * calls window.api directly and never shows it.
 */
export function confirmDestructive(handlers: Pick<FlatHandlers, DestructiveMethods>, accessKeys: AccessKeyService, gate: ConfirmGate): Pick<FlatHandlers, DestructiveMethods> {
  return {
    'accessKeys.delete': async (input) => {
      const { title, lines } = keyIdentity(accessKeys.get(input.id));
      await requireConfirmation(gate, {
        message: `Delete the ${title}?`,
        detail: `${lines}\n\nIts APISecret is removed from the OS keychain. Callers using this key stop working. This cannot be undone.`,
        confirmLabel: 'Delete',
      });
      return handlers['accessKeys.delete'](input);
    },
    'keychain.deleteOrphan': async (input) => {
      // A live key's entry is refused by the service without a question.
      if (!isAccessKey(accessKeys, input.account)) {
        await requireConfirmation(gate, {
          message: `Delete the keychain entry "${input.account}"?`,
          detail: `No access key in Gatekey refers to the OS keychain entry ${input.account}.\n\nIts APISecret is deleted for good; a caller that still signs with it cannot be recovered. This cannot be undone.`,
          confirmLabel: 'Delete entry',
        });
      }
      return handlers['keychain.deleteOrphan'](input);
    },
    'keychain.restoreSecret': async (input) => {
      const { title, lines } = keyIdentity(accessKeys.get(input.id));
      await requireConfirmation(gate, {
        message: `Store a new APISecret for the ${title}?`,
        detail: `${lines}\n\nThe APISecret you entered is written to the OS keychain for this key. Callers signing with another secret will be refused.`,
        confirmLabel: 'Store APISecret',
      });
      return handlers['keychain.restoreSecret'](input);
    },
    'keychain.adoptOrphan': async (input) => {
      await requireConfirmation(gate, {
        message: `Make the keychain entry "${input.account}" an access key named "${input.name}"?`,
        detail: `Access Key ID ${input.account}, APIKey ${input.apiKey}.\n\nThe APISecret already in the OS keychain becomes this key's secret. Check that the APIKey is really the one its callers use.`,
        confirmLabel: 'Adopt',
      });
      return handlers['keychain.adoptOrphan'](input);
    },
  };
}

function isAccessKey(accessKeys: AccessKeyService, id: string): boolean {
  try {
    accessKeys.get(id);
    return true;
  } catch {
    return false;
  }
}
